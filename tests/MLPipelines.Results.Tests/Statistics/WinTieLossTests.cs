using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class WinTieLossTests
{
    [Fact]
    public void WinTieLoss_FromFolds_CountsInTheMetricsDirection()
    {
        (double, double)[] pairs = [(0.9, 0.8), (0.7, 0.7), (0.6, 0.8), (0.5, 0.4)];

        var higher = WinTieLoss.FromFolds(pairs, MetricDirection.HigherIsBetter);
        var lower = WinTieLoss.FromFolds(pairs, MetricDirection.LowerIsBetter);

        Assert.Equal(new WinTieLoss(2, 1, 1), higher);
        Assert.Equal(new WinTieLoss(1, 1, 2), lower);
        Assert.Equal("2/1/1", higher.ToString());
    }

    [Fact]
    public void WinTieLoss_Tally_CountsSignificantOutcomesFromTheModelsSide()
    {
        PairedComparison[] comparisons =
        [
            Comparison("mlp", "lightgbm", better: "mlp"),
            Comparison("lightgbm", "mlp", better: "lightgbm"),
            Comparison("mlp", "linear", better: null),
            Comparison("linear", "mlp", better: "mlp"),
            Comparison("linear", "lightgbm", better: "lightgbm"),
        ];

        var tally = WinTieLoss.Tally(comparisons, "mlp");

        Assert.Equal(new WinTieLoss(2, 1, 1), tally);
    }

    private static PairedComparison Comparison(string a, string b, string? better) => new()
    {
        A = a,
        B = b,
        Metric = "accuracy",
        Count = 5,
        MeanA = 0,
        MeanB = 0,
        MeanDiff = 0,
        T = 0,
        DegreesOfFreedom = 4,
        PValue = better is null ? 0.5 : 0.01,
        Alpha = 0.05,
        Significant = better is not null,
        Better = better,
        FoldWins = 0,
        FoldTies = 0,
        FoldLosses = 0,
    };
}
