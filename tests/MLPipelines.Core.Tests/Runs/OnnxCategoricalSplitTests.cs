using System.Globalization;
using System.Text;
using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Runs.Onnx;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Tests.Shared;
using Xunit.Abstractions;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>
/// LightGBM trained on more than 50,000 rows splits on categorical (one-hot) slots, which ML.NET's converter writes as
/// nodes on feature -1; the ONNX file must score as ML.NET does all the same.
/// </summary>
public sealed class OnnxCategoricalSplitTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("binary")]
    [InlineData("multiclass")]
    public void OnnxFile_OfLightGbmWithCategoricalSplits_MatchesMlNetWithin1e5(string task)
    {
        // Given 60,000 rows whose label depends on a 12-level category and a number, LightGBM's final fit on all of them
        var csv = TestPaths.WriteCsv(Table(60_000, task));
        var spec = TestSpecs.Create(csv, "label", ("lightgbm", "lightgbm"));
        spec = spec with { Evaluation = spec.Evaluation with { Method = EvaluationMethod.Holdout, TestFraction = 0.2 } };
        spec.Models[0].Options["iterations"] = 8L;
        var directory = Path.Combine(TestPaths.NewTempFolder(), "categorical-" + task);

        // When the run writes its ONNX file
        new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = directory });

        // Then the model does split on categories, and ONNX Runtime scores every row as ML.NET does
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(Path.Combine(directory, "models", "lightgbm.zip"), out _);
        var ensembles = CategoricalSplitNodes.Ensembles(Leaves(model));
        Assert.Contains(ensembles.SelectMany(e => e.Trees.Trees), t => t.CategoricalSplitFlags.Any(f => f));
        var results = ResultsJson.Read(Path.Combine(directory, "results.json")).Models.Single();
        Assert.True(results.OnnxFile == "models/lightgbm.onnx", results.OnnxProblem);
        output.WriteLine($"{task}: max |ONNX Runtime - ML.NET| = {OnnxAgreement.Assert(directory, "lightgbm", csv, maxRows: 400):G3}");
    }

    private static IEnumerable<ITransformer> Leaves(ITransformer step) =>
        step is System.Collections.IEnumerable chain ? chain.OfType<ITransformer>().SelectMany(Leaves) : [step];

    private static string Table(int rows, string task)
    {
        var random = new Random(5);
        var text = new StringBuilder("city,x,label\n");
        for (var i = 0; i < rows; i++)
        {
            var city = random.Next(12);
            var x = random.NextDouble();

            // Cities 1, 4, 6 and 9 raise the score: a split on a set of levels, which LightGBM finds as one categorical split.
            var score = (city is 1 or 4 or 6 or 9 ? 1.0 : 0.0) + x + (random.NextDouble() - 0.5);
            var label = task == "binary" ? (score > 0.9 ? "yes" : "no") : score switch { < 0.5 => "low", < 1.2 => "mid", _ => "high" };
            text.Append(CultureInfo.InvariantCulture, $"c{city},{x:F4},{label}\n");
        }

        return text.ToString();
    }
}
