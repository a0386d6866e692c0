using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Tests.Shared;
using MLPipelines.XGBoost.Plugin;
using Xunit.Abstractions;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// <c>models/xgboost.onnx</c> of real runs: ML.NET's conversion of the preprocessing (with our expression nodes), the
/// booster's ONNX tree ensemble and ML.NET's scorers joined in one graph, scored by ONNX Runtime from the raw columns
/// like ML.NET scores the zip: binary on a telco sample with missing tokens and boolean text, log-label regression,
/// multiclass.
/// </summary>
public sealed class XGBoostOnnxFileTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("telco-tokens", "churn", LabelTransform.None)]
    [InlineData("diamonds-numeric", "price", LabelTransform.Log)]
    [InlineData("iris.csv", "target", LabelTransform.None)]
    public void OnnxFile_OfXGBoost_MatchesMlNetWithin1e5(string dataset, string label, LabelTransform transform)
    {
        // Given a small run of the xgboost trainer
        var csv = Sample(dataset);
        var spec = new PipelineSpec
        {
            Name = "xgboost-onnx",
            Data = new DataSpec { Path = csv, Label = label, LabelTransform = transform },
            Evaluation = new EvaluationSpec { Method = EvaluationMethod.Holdout, Seed = 7 },
        };
        spec.Models.Add(new ModelSpec { Name = "xgboost", Trainer = "xgboost", Options = { ["n_estimators"] = 10L } });
        spec.Preprocessing.Add(new PreprocessingStepSpec { Kind = "impute", Options = { ["numeric"] = "median", ["categorical"] = "most_frequent" } });
        var directory = Path.Combine(TestFiles.NewFolder(), "run");
        new PipelineRunner(BuiltinTrainers.CreateRegistry().Register(new XGBoostTrainerPlugin())).Run(spec, new RunOptions { OutputDirectory = directory });

        // Then results.json names the file, and ONNX Runtime agrees with ML.NET
        var model = ResultsJson.Read(Path.Combine(directory, "results.json")).Models.Single();
        Assert.True(model.OnnxFile == "models/xgboost.onnx", model.OnnxProblem);
        output.WriteLine($"{dataset}: max |ONNX Runtime - ML.NET| = {OnnxAgreement.Assert(directory, "xgboost", csv, 100):G3}");
    }

    private static string Sample(string dataset)
    {
        var source = Path.Combine(TestFiles.RepoRoot, "datasets", dataset == "telco-tokens" ? "telco_churn.csv" : dataset == "diamonds-numeric" ? "diamonds.csv" : dataset);
        var text = dataset switch
        {
            "telco-tokens" => TelcoSample.Create(source, 150),
            "diamonds-numeric" => string.Join('\n', File.ReadLines(source).Take(301)
                .Select(line => string.Join(',', new[] { 0, 4, 5, 6, 7, 8, 9 }.Select(i => line.Split(',')[i])))) + "\n",
            _ => File.ReadAllText(source),
        };
        var path = Path.Combine(TestFiles.NewFolder(), "data.csv");
        File.WriteAllText(path, text);
        return path;
    }
}
