using MLPipelines.Core.Experiments;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Results.Experiments;
using MLPipelines.Spec.Experiments;

namespace MLPipelines.Core.Tests.Experiments;

public sealed class ExperimentRunnerTests
{
    /// <summary>Three small datasets, two fast linear models, 3 folds: a whole experiment in seconds.</summary>
    internal static string WriteTinyExperiment(string folder, string report = "report: {baseline: sdca}\n")
    {
        var datasets = TestPaths.RepoRoot.Replace('\\', '/') + "/datasets";
        var path = Path.Combine(folder, "tiny.yaml");
        File.WriteAllText(path,
            "name: tiny\nevaluation: {folds: 3, seed: 4}\nmodels:\n" +
            "  - {name: sdca, trainer: sdca, options: {max_iterations: 20}}\n" +
            "  - {name: linear, trainer: lbfgs}\n" +
            "datasets:\n" +
            $"  - {{name: iris, data: {{path: {datasets}/iris.csv, label: target}}}}\n" +
            $"  - {{name: wine, data: {{path: {datasets}/wine.csv, label: target}}}}\n" +
            $"  - {{name: penguins, data: {{path: {datasets}/penguins.csv, label: species}}}}\n" +
            report);
        return path;
    }

    [Fact]
    public void ExperimentRunner_Run_RunsEveryDatasetAndAnalysesTheMatrix()
    {
        var folder = TestPaths.NewTempFolder();
        var registry = BuiltinTrainers.CreateRegistry();
        var spec = new ExperimentLoader(registry).Load(WriteTinyExperiment(folder));
        var output = Path.Combine(folder, "out");

        var outcome = new ExperimentRunner(registry).Run(spec, new ExperimentOptions { OutputDirectory = output });

        var results = ExperimentJson.Read(Path.Combine(output, "experiment.json"));
        Assert.Equal(Path.GetFullPath(output), outcome.Directory);
        Assert.True(File.Exists(Path.Combine(output, "experiment.yaml")));
        Assert.Equal(("accuracy", "sdca"), (results.Metric, results.Baseline));
        Assert.Equal(["iris", "wine", "penguins"], results.Analysis.Datasets);
        Assert.Equal(["sdca", "linear"], results.Analysis.Models);
        Assert.Equal(["multiclass", "multiclass", "multiclass"], results.Datasets.Select(d => d.Task));
        for (var d = 0; d < 3; d++)
        {
            // Each matrix row is the dataset's own run: its mean accuracies and its t-test against the baseline.
            var run = ResultsJson.Read(Path.Combine(output, results.Datasets[d].RunDirectory, "results.json"));
            Assert.Equal(3, run.Models[0].Folds.Count);
            Assert.Equal(run.Models.Select(m => m.Metrics["accuracy"].Mean), results.Analysis.Means[d]);
            var test = run.Comparisons!.Single(c => c.Metric == "accuracy" && c.A == "linear");
            Assert.Equal(test.Better is null ? "" : test.Better == "linear" ? "v" : "*", results.Analysis.Marks[d][1]);
        }

        var ranks = results.Analysis.Friedman.AverageRanks;
        Assert.Equal(3.0, ranks.Sum(), 6);
        Assert.Equal(3, results.Analysis.Friedman.DatasetCount);
        Assert.True(results.Analysis.Nemenyi.CriticalDifference > 0);
        Assert.Equal("cd.svg", results.CdDiagramFile);
    }

    [Fact]
    public void ExperimentRunner_DefaultBaseline_IsTheBestRankedBoostedTreeModel()
    {
        static RunResults Run(params (string Name, string Family, double Accuracy)[] models) => new()
        {
            Name = "r",
            Task = "binary",
            PrimaryMetric = "accuracy",
            Dataset = new DatasetResult { Path = "x", Rows = 1, Features = 1 },
            Evaluation = new EvaluationResult { Method = "kfold", Folds = 2, Repeats = 1, Seed = 1 },
            Models = [.. models.Select(m => new ModelResult
            {
                Name = m.Name,
                Trainer = m.Name,
                Family = m.Family,
                Metrics = new Dictionary<string, MetricSummary> { ["accuracy"] = new(m.Accuracy, 0, [m.Accuracy]) },
                FitSeconds = TimingSummary.Of([1.0]),
                PredictRowsPerSecond = 1,
            })],
        };

        var runs = new[]
        {
            Run(("linear", "linear", 0.99), ("gbdt", "boosted_trees", 0.90), ("lgbm", "boosted_trees", 0.95)),
            Run(("linear", "linear", 0.99), ("gbdt", "boosted_trees", 0.96), ("lgbm", "boosted_trees", 0.94)),
            Run(("linear", "linear", 0.99), ("gbdt", "boosted_trees", 0.80), ("lgbm", "boosted_trees", 0.85)),
        };

        Assert.Equal("lgbm", ExperimentRunner.DefaultBaseline(runs, "accuracy"));
        Assert.Equal("linear", ExperimentRunner.DefaultBaseline([.. runs.Select(r => r with { Models = [.. r.Models.Select(m => m with { Family = "linear" })] })], "accuracy"));
    }
}
