using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Tests.Shared;
using MLPipelines.Trainers.Mlp.Plugin;
using Xunit.Abstractions;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>
/// <c>models/mlp.onnx</c> of real runs: the preprocessing converted by ML.NET, our network's graph and ML.NET's scorers
/// joined in one graph, scored by ONNX Runtime from the raw columns like ML.NET scores the zip. Multiclass is not
/// exported yet: ML.NET's multiclass scorer converts to opset-12 Unsqueeze (axes attribute), our graph needs opset 13.
/// </summary>
public sealed class MlpOnnxFileTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("breast_cancer.csv", "target", LabelTransform.None)]
    [InlineData("diamonds-numeric", "price", LabelTransform.Log)]
    public void OnnxFile_OfMlp_MatchesMlNetWithin1e5(string dataset, string label, LabelTransform transform)
    {
        // Given a small run of the mlp trainer (binary, log-label regression)
        var csv = Sample(dataset);
        var spec = new PipelineSpec
        {
            Name = "mlp-onnx",
            Data = new DataSpec { Path = csv, Label = label, LabelTransform = transform },
            Evaluation = new EvaluationSpec { Method = EvaluationMethod.Holdout, Seed = 7 },
        };
        spec.Models.Add(new ModelSpec { Name = "mlp", Trainer = "mlp", Options = { ["epochs"] = 3L, ["hidden_layers"] = new List<object> { 16L } } });
        spec.Preprocessing.Add(new PreprocessingStepSpec { Kind = "impute", Options = { ["numeric"] = "median" } });
        var directory = Path.Combine(TestFiles.NewFolder(), "run");
        new PipelineRunner(BuiltinTrainers.CreateRegistry().Register(new MlpTrainerPlugin())).Run(spec, new RunOptions { OutputDirectory = directory });

        // Then results.json names the file, and ONNX Runtime agrees with ML.NET
        var model = ResultsJson.Read(Path.Combine(directory, "results.json")).Models.Single();
        Assert.True(model.OnnxFile == "models/mlp.onnx", model.OnnxProblem);
        output.WriteLine($"{dataset}: max |ONNX Runtime - ML.NET| = {OnnxAgreement.Assert(directory, "mlp", csv, 100):G3}");
    }

    private static string Sample(string dataset)
    {
        var lines = dataset == "diamonds-numeric"
            ? File.ReadLines(Path.Combine(TestFiles.RepoRoot, "datasets", "diamonds.csv")).Take(301)
                .Select(line => string.Join(',', new[] { 0, 4, 5, 6, 7, 8, 9 }.Select(i => line.Split(',')[i])))
            : File.ReadLines(Path.Combine(TestFiles.RepoRoot, "datasets", dataset)).Take(301);
        var path = Path.Combine(TestFiles.NewFolder(), "data.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
