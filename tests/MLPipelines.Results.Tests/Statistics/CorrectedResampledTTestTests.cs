using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class CorrectedResampledTTestTests
{
    private static readonly ResamplingDesign FiveFold = ResamplingDesign.KFold(5);

    [Fact]
    public void CorrectedResampledTTest_Compare_MatchesHandComputation()
    {
        // Given d = a − b = [0.02, 0.03, 0.01, 0.02, 0.02]: mean 0.02, s² = 0.5e-4, 5-fold so 1/n + 1/(k−1) = 0.45.
        double[] a = [0.83, 0.85, 0.84, 0.86, 0.87];
        double[] b = [0.81, 0.82, 0.83, 0.84, 0.85];

        var result = CorrectedResampledTTest.Compare("accuracy", MetricDirection.HigherIsBetter, "a", a, "b", b, FiveFold);

        // Then t = 0.02 / √(0.45 · 0.5e-4) = 4√10/3 and p = I_{9/49}(2, 1/2) = 1 − 107√40/686 (closed form for ν = 4).
        Assert.Equal(4 * Math.Sqrt(10) / 3, result.T!.Value, 10);
        Close.Relative(1 - (107 * Math.Sqrt(40) / 686), result.PValue!.Value, 1e-9);
        Assert.Equal(4, result.DegreesOfFreedom);
        Assert.Equal(0.02, result.MeanDiff, 12);
        Assert.True(result.Significant);
        Assert.Equal("a", result.Better);
        Assert.Equal((5, 0, 0), (result.FoldWins, result.FoldTies, result.FoldLosses));
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_MatchesScipyAndWekaOnRepeatedKFold()
    {
        // bench/stats/fixtures/run_kfold.json, linear vs lightgbm accuracy, 5-fold x 2. Reference t and p from
        // scipy; Weka 3.6's PairedStatsCorrected gives the same p (bench/stats_reference.py).
        double[] linear = [0.825, 0.825, 0.85, 0.815, 0.86, 0.815, 0.84, 0.835, 0.88, 0.82];
        double[] lightgbm = [0.88, 0.84, 0.895, 0.865, 0.875, 0.865, 0.915, 0.89, 0.885, 0.87];

        var result = CorrectedResampledTTest.Compare(
            "accuracy", MetricDirection.HigherIsBetter, "linear", linear, "lightgbm", lightgbm, ResamplingDesign.KFold(5, 2));

        Close.Relative(-3.1537943092343057, result.T!.Value, 1e-12);
        Close.Relative(0.01166610359513157, result.PValue!.Value, 1e-10);
        Assert.Equal(9, result.DegreesOfFreedom);
        Assert.Equal("lightgbm", result.Better);
        Assert.Equal((0, 0, 10), (result.FoldWins, result.FoldTies, result.FoldLosses));
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_LowerIsBetterPicksTheSmallerMetric()
    {
        // log_loss: linear is higher (worse) than lightgbm on every fold; t > 0 but lightgbm is the better model.
        double[] linear = [0.3218, 0.3045, 0.2549, 0.3137, 0.2564, 0.3427, 0.2831, 0.3, 0.2056, 0.3245];
        double[] lightgbm = [0.2049, 0.2862, 0.1779, 0.2394, 0.213, 0.2364, 0.1351, 0.1841, 0.2049, 0.2371];

        var result = CorrectedResampledTTest.Compare(
            "log_loss", MetricDirection.LowerIsBetter, "linear", linear, "lightgbm", lightgbm, ResamplingDesign.KFold(5, 2));

        Close.Relative(2.86346287715293, result.T!.Value, 1e-12);
        Close.Relative(0.018674654156674853, result.PValue!.Value, 1e-10);
        Assert.Equal("lightgbm", result.Better);
        Assert.Equal((0, 0, 10), (result.FoldWins, result.FoldTies, result.FoldLosses));
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_IdenticalScoresGiveZeroTAndPOne()
    {
        double[] scores = [0.80, 0.82, 0.79, 0.85, 0.81];

        var result = CorrectedResampledTTest.Compare("accuracy", MetricDirection.HigherIsBetter, "a", scores, "b", [.. scores], FiveFold);

        Assert.Equal(0, result.T);
        Assert.Equal(1, result.PValue);
        Assert.False(result.Significant);
        Assert.Null(result.Better);
        Assert.Equal(5, result.FoldTies);
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_ConstantNonZeroDifferenceIsSignificantLikeWeka()
    {
        // Given b = a + 0.02 on every fold (rounding makes the differences differ in the last bits only).
        double[] a = [0.80, 0.82, 0.79, 0.85, 0.81];
        double[] b = [.. a.Select(x => x + 0.02)];

        var result = CorrectedResampledTTest.Compare("accuracy", MetricDirection.HigherIsBetter, "a", a, "b", b, FiveFold);

        // Then, as Weka's PairedStatsCorrected: zero variance with non-zero differences means probability 0.
        Assert.Null(result.T);
        Assert.Equal(0, result.PValue);
        Assert.True(result.Significant);
        Assert.Equal("b", result.Better);
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_SingleHoldoutRunIsNotTested()
    {
        var result = CorrectedResampledTTest.Compare(
            "rmse", MetricDirection.LowerIsBetter, "a", [0.5], "b", [0.7], ResamplingDesign.Holdout(0.2));

        Assert.Null(result.T);
        Assert.Null(result.PValue);
        Assert.False(result.Significant);
        Assert.Equal(0, result.DegreesOfFreedom);
        Assert.Equal(1, result.FoldWins);
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_SkipsRunsWithMissingValues()
    {
        double[] a = [0.83, double.NaN, 0.85, 0.84, 0.86, 0.87];
        double[] b = [0.81, 0.80, 0.82, 0.83, 0.84, 0.85];
        double[] expectedA = [0.83, 0.85, 0.84, 0.86, 0.87];
        double[] expectedB = [0.81, 0.82, 0.83, 0.84, 0.85];
        var design = ResamplingDesign.KFold(6);

        var withGap = CorrectedResampledTTest.Compare("accuracy", MetricDirection.HigherIsBetter, "a", a, "b", b, design);
        var complete = CorrectedResampledTTest.Compare(
            "accuracy", MetricDirection.HigherIsBetter, "a", expectedA, "b", expectedB, new ResamplingDesign(5, 0.2, "6-fold"));

        Assert.Equal(5, withGap.Count);
        Assert.Equal(complete.T, withGap.T);
        Assert.Equal(complete.PValue, withGap.PValue);
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_HoldoutUsesTestFractionRatio()
    {
        // Holdout 0.25 x 4: n_test/n_train = 1/3, so the variance factor is 1/4 + 1/3 = 7/12.
        double[] a = [0.50, 0.52, 0.47, 0.55];
        double[] b = [0.53, 0.56, 0.49, 0.60];
        double[] d = [-0.03, -0.04, -0.02, -0.05];
        double mean = d.Average();
        double variance = d.Sum(x => (x - mean) * (x - mean)) / 3;

        var result = CorrectedResampledTTest.Compare(
            "rmse", MetricDirection.LowerIsBetter, "a", a, "b", b, ResamplingDesign.Holdout(0.25, 4));

        Assert.Equal(mean / Math.Sqrt(7.0 / 12 * variance), result.T!.Value, 9);
        Assert.Equal(3, result.DegreesOfFreedom);
        Assert.True(result.Significant);
        Assert.Equal("a", result.Better);
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_RejectsFoldCountsThatDoNotMatchTheDesign()
    {
        var error = Assert.Throws<ArgumentException>(() => CorrectedResampledTTest.Compare(
            "accuracy", MetricDirection.HigherIsBetter, "mlp", [0.8, 0.9, 0.7], "lightgbm", [0.8, 0.9, 0.7], FiveFold));

        Assert.Contains("'mlp' has 3 fold values", error.Message);
        Assert.Contains("5 runs", error.Message);
    }

    [Fact]
    public void CorrectedResampledTTest_Compare_RejectsAlphaOutsideUnitInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrectedResampledTTest.Compare(
            "accuracy", MetricDirection.HigherIsBetter, "a", [1, 2], "b", [1, 2], ResamplingDesign.KFold(2), alpha: 0));
    }
}
