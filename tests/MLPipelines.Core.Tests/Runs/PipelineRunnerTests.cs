using MLPipelines.Core.Results;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;

namespace MLPipelines.Core.Tests.Runs;

public sealed class PipelineRunnerTests
{
    [Fact]
    public void PipelineRunner_Run_IrisWritesEveryFileOfTheRunFolder()
    {
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target",
            ("lightgbm", "lightgbm"), ("fasttree", "fasttree"), ("forest", "fastforest"), ("sdca", "sdca"), ("lbfgs", "lbfgs"));
        spec.Models[0].Options["iterations"] = 20L;
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");

        var outcome = new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output });

        Assert.Equal(Path.GetFullPath(output), outcome.Directory);
        foreach (var file in new[] { "spec.yaml", "resolved.yaml", "results.json", "environment.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        var results = ResultsJson.Read(Path.Combine(output, "results.json"));
        Assert.Equal("multiclass", results.Task);
        Assert.Equal(150, results.Dataset.Rows);
        Assert.Equal(5, results.Models.Count);
        foreach (var model in results.Models)
        {
            Assert.True(File.Exists(Path.Combine(output, "models", model.Name + ".zip")), model.Name);
            Assert.Equal(151, File.ReadAllLines(Path.Combine(output, "predictions", model.Name + ".csv")).Length);
            Assert.Equal(3, model.Metrics["accuracy"].Folds.Count);
            Assert.True(model.Metrics["accuracy"].Mean > 0.85, $"{model.Name}: {model.Metrics["accuracy"].Mean}");
        }
    }
}
