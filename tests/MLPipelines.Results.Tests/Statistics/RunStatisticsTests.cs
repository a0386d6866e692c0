using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class RunStatisticsTests
{
    // bench/stats/fixtures/run_kfold.json accuracy (5-fold x 2), as the runner writes it into results.json.
    private static readonly double[] LightGbm = [0.88, 0.84, 0.895, 0.865, 0.875, 0.865, 0.915, 0.89, 0.885, 0.87];
    private static readonly double[] FastTree = [0.885, 0.895, 0.855, 0.83, 0.925, 0.87, 0.885, 0.88, 0.885, 0.885];
    private static readonly double[] Mlp = [0.865, 0.9, 0.935, 0.84, 0.925, 0.835, 0.9, 0.905, 0.91, 0.89];
    private static readonly double[] Linear = [0.825, 0.825, 0.85, 0.815, 0.86, 0.815, 0.84, 0.835, 0.88, 0.82];

    [Fact]
    public void RunStatistics_DesignOf_UsesMeasuredSplitSizesLikeWeka()
    {
        var results = Run(trainRows: 800, testRows: 200);

        var design = RunStatistics.DesignOf(results);

        Assert.Equal(10, design.Runs);
        Assert.Equal(0.25, design.TestTrainRatio, 15);
        Assert.Equal("5-fold x 2", design.Description);
    }

    [Fact]
    public void RunStatistics_DesignOf_FallsBackToTheEvaluationBlock()
    {
        var results = Run(trainRows: 0, testRows: 0);

        Assert.Equal(0.25, RunStatistics.DesignOf(results).TestTrainRatio, 15);
    }

    [Fact]
    public void RunStatistics_BaselineOf_PicksTheBestBoostedTreeUnlessOneIsRequested()
    {
        var results = Run(trainRows: 800, testRows: 200);

        // fasttree (0.8795) beats lightgbm (0.878); mlp (0.8905) is better still but not a boosted tree.
        Assert.Equal("fasttree", RunStatistics.BaselineOf(results));
        Assert.Equal("linear", RunStatistics.BaselineOf(results, "linear"));
    }

    [Fact]
    public void RunStatistics_Compare_TestsEveryModelAgainstTheBaseline()
    {
        var results = Run(trainRows: 800, testRows: 200);

        var comparisons = RunStatistics.Compare(results, baseline: "lightgbm");
        var pairs = RunStatistics.Compare(results, allPairs: true);

        Assert.Equal(["fasttree", "mlp", "linear"], comparisons.Select(c => c.A));
        Close.Relative(0.011666103595131557, comparisons.Single(c => c.A == "linear").PValue!.Value, 1e-10);
        Assert.Equal(6, pairs.Count);
        Assert.All(pairs, c => Assert.NotNull(c.PValueHolm));
    }

    [Fact]
    public void RunStatistics_Summaries_GiveCorrectedIntervalsPerModelAndMetric()
    {
        var summaries = RunStatistics.Summaries(Run(trainRows: 800, testRows: 200));

        var lightgbm = summaries["lightgbm"]["accuracy"];
        Assert.Equal(0.878, lightgbm.Mean, 12);
        Assert.Equal(0.850828, lightgbm.Lower!.Value, 6); // bench/stats_reference.py: scipy [0.850828, 0.905172]
        Assert.Equal(0.905172, lightgbm.Upper!.Value, 6);
    }

    private static RunResults Run(int trainRows, int testRows) => new()
    {
        Name = "synthetic-kfold",
        Task = "binary",
        PrimaryMetric = "accuracy",
        Dataset = new DatasetResult { Path = "data.csv", Rows = 1000, Features = 4 },
        Evaluation = new EvaluationResult { Method = "kfold", Folds = 5, Repeats = 2, Seed = 42 },
        Models =
        [
            Model("lightgbm", "boosted_trees", LightGbm, trainRows, testRows),
            Model("fasttree", "boosted_trees", FastTree, trainRows, testRows),
            Model("mlp", "neural", Mlp, trainRows, testRows),
            Model("linear", "linear", Linear, trainRows, testRows),
        ],
    };

    private static ModelResult Model(string name, string family, double[] accuracy, int trainRows, int testRows) => new()
    {
        Name = name,
        Trainer = name,
        Family = family,
        Metrics = new Dictionary<string, MetricSummary> { ["accuracy"] = MetricSummary.Of(accuracy) },
        FitSeconds = TimingSummary.Of([.. accuracy.Select(_ => 1.0)]),
        PredictRowsPerSecond = 1000,
        Folds = [.. accuracy.Select((a, i) => new FoldResult
        {
            Repeat = i / 5,
            Fold = i % 5,
            TrainRows = trainRows,
            TestRows = testRows,
            FitSeconds = 1,
            PredictSeconds = 0.1,
            Metrics = new Dictionary<string, double> { ["accuracy"] = a },
        })],
    };
}
