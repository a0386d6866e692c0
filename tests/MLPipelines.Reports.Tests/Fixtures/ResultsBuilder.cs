using MLPipelines.Results;

namespace MLPipelines.Reports.Tests.Fixtures;

/// <summary>results.json content written out in code for the findings' wording tests (fold values chosen by hand).</summary>
internal static class ResultsBuilder
{
    public static ModelResult Model(string name, string metric, double[] folds, string family = "boosted_trees", double fitSeconds = 1.0) => new()
    {
        Name = name,
        Trainer = name,
        Family = family,
        Metrics = new Dictionary<string, MetricSummary> { [metric] = MetricSummary.Of(folds) },
        FitSeconds = TimingSummary.Of([.. folds.Select(_ => fitSeconds)]),
        PredictRowsPerSecond = 1000,
        Folds = [.. folds.Select((v, i) => new FoldResult
        {
            Repeat = 0, Fold = i, TrainRows = 80, TestRows = 20, FitSeconds = fitSeconds, PredictSeconds = 0.01,
            Metrics = new Dictionary<string, double> { [metric] = v },
        })],
    };

    public static RunResults Run(string metric, params ModelResult[] models) => new()
    {
        Name = "demo",
        Task = metric is "rmse" or "mae" or "r2" ? "regression" : "binary",
        PrimaryMetric = metric,
        Dataset = new DatasetResult { Path = "x.csv", Rows = 100, Features = 3, Label = "y" },
        Evaluation = models.Length > 0 && models[0].Folds.Count == 1
            ? new EvaluationResult { Method = "holdout", Folds = 1, Repeats = 1, Seed = 1, TestFraction = 0.2 }
            : new EvaluationResult { Method = "kfold", Folds = models.Length > 0 ? models[0].Folds.Count : 5, Repeats = 1, Seed = 1 },
        Models = models,
    };
}
