using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Runs;

public sealed class PipelineRunnerTests
{
    private static readonly string[] RunFiles = ["spec.yaml", "resolved.yaml", "results.json", "environment.json"];

    [Fact]
    public void PipelineRunner_Run_IrisWritesEveryFileOfTheRunFolder()
    {
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("lightgbm", "lightgbm"), ("sdca", "sdca"));
        spec.Models[0].Options["iterations"] = 20L;
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");
        var events = new List<RunEvent>();

        var outcome = new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output }, new Collect(events));

        Assert.Equal(Path.GetFullPath(output), outcome.Directory);
        Assert.All(RunFiles, file => Assert.True(File.Exists(Path.Combine(output, file)), file));
        Assert.Equal(["run"], Directory.GetDirectories(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
        var results = ResultsJson.Read(Path.Combine(output, "results.json"));
        Assert.Equal("multiclass", results.Task);
        Assert.Equal(150, results.Dataset.Rows);
        foreach (var model in results.Models)
        {
            Assert.True(File.Exists(Path.Combine(output, "models", model.Name + ".zip")), model.Name);
            var predictions = File.ReadAllLines(Path.Combine(output, "predictions", model.Name + ".csv"));
            Assert.Equal(151, predictions.Length);
            Assert.StartsWith("row,repeat,fold,actual,predicted,probability_setosa", predictions[0], StringComparison.Ordinal);
            Assert.Equal(3, model.Metrics["accuracy"].Folds.Count);
            Assert.True(model.Metrics["accuracy"].Mean > 0.85, $"{model.Name}: {model.Metrics["accuracy"].Mean}");
            Assert.Equal(3, model.FitSeconds.Folds.Count);
            Assert.True(model.PredictRowsPerSecond > 0);
        }

        Assert.Contains(events, e => e.Kind == RunEventKind.SplitFinished && e.Model == "sdca" && e.Split == 3);
        Assert.Contains("task: multiclass", File.ReadAllText(Path.Combine(output, "resolved.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineRunner_Run_DataContradictingASpecKey_NamesTheKeysPosition()
    {
        // Given a spec asking for more folds than the file has rows (the loader cannot know; the data can),
        // when it runs, then the error names the key with the line and column it was written at.
        using var folder = new SpecFolder();
        var spec = folder.Parse(SpecFolder.Lines(
            "name: few",
            "data: {path: data.csv, label: y}",
            "evaluation:",
            "  folds: 5",
            "models: [lbfgs]"));

        var e = Assert.Throws<DataFileException>(() =>
            new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = Path.Combine(folder.Root, "run") }));

        Assert.Equal("x.yaml:4:10: evaluation.folds: 5 folds need at least 5 labelled rows, the data has 2", e.Message);
        Assert.True(e.IsLocated);
    }

    [Fact]
    public void PipelineRunner_Run_SameSeedSameFoldsForEveryModel()
    {
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("a", "lbfgs"), ("b", "sdca"));
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");

        new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output });

        string Folds(string model) => string.Join(';', File.ReadAllLines(Path.Combine(output, "predictions", model + ".csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => f[0] + ":" + f[2]).Order(StringComparer.Ordinal));
        Assert.Equal(Folds("a"), Folds("b"));
    }

    [Fact]
    public void PipelineRunner_Run_RegressionWithLogLabelScoresOnTheLogScaleAndPredictsOriginalUnits()
    {
        var path = TestPaths.WriteCsv("x,z,price\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"{i / 2.0},{i % 3},{Math.Exp(i / 50.0) * 100:F2}\n")));
        var spec = TestSpecs.Create(path, "price", ("linear", "lightgbm"));
        spec.Models[0].Options["iterations"] = 30L;
        spec = spec with { Data = spec.Data with { Task = TaskKind.Regression, LabelTransform = LabelTransform.Log } };
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");

        var results = new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output }).Results;

        Assert.Equal("log", results.Dataset.LabelTransform);
        Assert.True(results.Models[0].Metrics["rmse"].Mean < 0.5, "rmse on the log scale: " + string.Join(" ", results.Models[0].Metrics["rmse"].Folds));
        var row = File.ReadAllLines(Path.Combine(output, "predictions", "linear.csv"))[1].Split(',');
        var (actual, predicted, score) = (double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(row[4], System.Globalization.CultureInfo.InvariantCulture), double.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(actual > 100);
        Assert.Equal(Math.Exp(score), predicted, 0.01 * predicted);
    }

    [Fact]
    public void PipelineRunner_Run_RepeatedHoldoutScoresEachRepeatOnItsTestRows()
    {
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("linear", "lbfgs"));
        spec = spec with { Evaluation = spec.Evaluation with { Method = EvaluationMethod.Holdout, TestFraction = 0.2, Repeats = 2 } };
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");

        var results = new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output }).Results;

        Assert.Equal("holdout", results.Evaluation.Method);
        Assert.Equal(0.2, results.Evaluation.TestFraction);
        Assert.Equal(2, results.Models[0].Folds.Count);
        Assert.All(results.Models[0].Folds, f => Assert.Equal((120, 30), (f.TrainRows, f.TestRows)));
        Assert.Equal(61, File.ReadAllLines(Path.Combine(output, "predictions", "linear.csv")).Length);
    }

    [Fact]
    public void PipelineRunner_Run_FailureLeavesNoCompleteLookingFolder()
    {
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("ok", "lbfgs"), ("bad", "lbfgs"));
        spec.Models[1].Preprocessing = [TestSpecs.Step("pca", ("components", 9L))];
        var parent = TestPaths.NewTempFolder();
        var output = Path.Combine(parent, "run");

        Assert.Throws<DataFileException>(() => new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output }));

        Assert.False(Directory.Exists(output));
        Assert.False(File.Exists(Path.Combine(output, "results.json")));
        Assert.Contains("components", File.ReadAllText(Path.Combine(output + ".incomplete", "error.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void PipelineRunner_Run_CancelledRunLeavesNoCompleteLookingFolder()
    {
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("ok", "lbfgs"));
        var output = Path.Combine(TestPaths.NewTempFolder(), "run");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new PipelineRunner(BuiltinTrainers.CreateRegistry())
            .Run(spec, new RunOptions { OutputDirectory = output }, null, cancel.Token));

        Assert.False(Directory.Exists(output));
        Assert.Equal("interrupted", File.ReadAllText(Path.Combine(output + ".incomplete", "error.txt")).Trim());
    }

    [Fact]
    public void PipelineRunner_Run_ExistingOutputFolderIsNotOverwritten()
    {
        var output = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(output, "keep.txt"), "x");
        var spec = TestSpecs.Create(TestPaths.Dataset("iris.csv"), "target", ("ok", "lbfgs"));

        var error = Assert.Throws<RunFolderException>(() => new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output }));

        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "keep.txt")));
    }

    [Fact]
    public void PipelineRunner_Run_LabelNotInHeaderPointsAtTheSpec()
    {
        var spec = new SpecLoader(BuiltinTrainers.CreateRegistry()).Parse(
            $"name: x\ndata:\n  path: {TestPaths.Dataset("iris.csv")}\n  label: targt\nmodels:\n  - {{name: a, trainer: lbfgs}}\n", "/tmp/x.yaml");

        var error = Assert.Throws<SpecException>(() => new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = TestPaths.NewTempFolder() + "/r" }));

        Assert.Equal("/tmp/x.yaml:4:10: data.label: column 'targt' is not in the header of " + TestPaths.Dataset("iris.csv") + "; did you mean 'target'?", error.Message);
    }

    private sealed class Collect(List<RunEvent> events) : IProgress<RunEvent>
    {
        public void Report(RunEvent value) => events.Add(value);
    }
}
