using MLPipelines.Reports.Markdown;
using MLPipelines.Results;

namespace MLPipelines.Reports.Tests.Markdown;

public sealed class MarkdownReportWriterTests
{
    private static ModelResult Model(string name, double[] accuracy) => new()
    {
        Name = name,
        Trainer = name,
        Metrics = new Dictionary<string, MetricSummary> { ["accuracy"] = MetricSummary.Of(accuracy), ["log_loss"] = MetricSummary.Of([0.3, 0.4]) },
        FitSeconds = TimingSummary.Of([1.0, 2.0]),
        PredictRowsPerSecond = 12345,
        Folds = [.. accuracy.Select((a, i) => new FoldResult
        {
            Repeat = 0, Fold = i, TrainRows = 10, TestRows = 5, FitSeconds = 1, PredictSeconds = 0.1,
            Metrics = new Dictionary<string, double> { ["accuracy"] = a },
        })],
    };

    private static RunResults Results() => new()
    {
        Name = "demo",
        Task = "binary",
        PrimaryMetric = "accuracy",
        Dataset = new DatasetResult { Path = "data/x.csv", Rows = 15, Features = 3, Label = "y", Classes = ["no", "yes|maybe"], ClassCounts = [10, 5], PositiveClass = "yes|maybe" },
        Evaluation = new EvaluationResult { Method = "kfold", Folds = 2, Repeats = 1, Seed = 4, Stratify = true },
        Models = [Model("linear", [0.7, 0.8]), Model("gbdt", [0.9, 0.8])],
        Warnings = ["1 row(s) without a label value were dropped"],
    };

    [Fact]
    public void MarkdownReportWriter_Render_RanksModelsByThePrimaryMetric()
    {
        var text = MarkdownReportWriter.Render(Results());

        Assert.Contains("**Summary:** gbdt is best on accuracy (0.8500), 10.0 points ahead of linear, difference not significant (p=0.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("| 1 | gbdt |", StringComparison.Ordinal) < text.IndexOf("| 2 | linear |", StringComparison.Ordinal));
        Assert.Contains("| gbdt | 0.9000 | 0.8000 |", text, StringComparison.Ordinal);
        Assert.Contains("12,345", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReportWriter_Render_EscapesTablePipesAndListsWarnings()
    {
        var text = MarkdownReportWriter.Render(Results());

        Assert.Contains("yes\\|maybe", text, StringComparison.Ordinal);
        Assert.Contains("## Warnings", text, StringComparison.Ordinal);
        Assert.Contains("- 1 row(s) without a label value were dropped", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReportWriter_Render_ShowsSignificanceIntervalsAndImportance()
    {
        static ModelResult ThreeFolds(string name, double[] accuracy) =>
            Model(name, accuracy) with { Metrics = new Dictionary<string, MetricSummary> { ["accuracy"] = MetricSummary.Of(accuracy) } };
        var results = MLPipelines.Results.Statistics.ResultsStatistics.Apply(Results() with
        {
            Evaluation = new EvaluationResult { Method = "kfold", Folds = 3, Repeats = 1, Seed = 4, Stratify = true },
            Models = [ThreeFolds("linear", [0.7, 0.8, 0.75]), ThreeFolds("gbdt", [0.9, 0.8, 0.85]) with
            {
                Family = "boosted_trees",
                FeatureImportance = new FeatureImportanceResult
                {
                    Metric = "accuracy", RowsPerSplit = 5, Permutations = 2, Splits = 3,
                    Features = [new FeatureImportanceEntry { Feature = "x<1>", MeanChange = -0.25, Std = 0.05, Importance = 0.25 }],
                },
            }],
        }, baseline: null, allPairs: false);

        var text = MarkdownReportWriter.Render(results);

        Assert.Contains("**Summary:** gbdt is best on accuracy (0.8500), 10.0 points ahead of linear, difference not significant (p=", text, StringComparison.Ordinal);
        Assert.Contains("| 2 | linear | linear | 0.7500 ± 0.0500 |", text, StringComparison.Ordinal);
        Assert.Contains("| 1 | gbdt (baseline) |", text, StringComparison.Ordinal);
        Assert.Contains("## Significance", text, StringComparison.Ordinal);
        Assert.Contains("| accuracy | linear | gbdt | 0.7500 | 0.8500 | -0.1000 |", text, StringComparison.Ordinal);
        Assert.Contains("| x<1> | 0.2500 | 0.0500 |", text, StringComparison.Ordinal);
        Assert.Contains("95% interval", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReportWriter_Write_CreatesReportMd()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mlpipe-report-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        new MarkdownReportWriter().Write(Results(), folder);

        Assert.StartsWith("# demo", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }
}
