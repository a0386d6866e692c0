using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class DescriptiveStatisticsTests
{
    // Deviations from the mean 0.814 are −14, 6, −24, 36, −4 (×1e-3); Σ squares = 2120e-6, s² = 530e-6.
    private static readonly double[] Folds = [0.80, 0.82, 0.79, 0.85, 0.81];
    private const double T975With4Df = 2.7764451051977943;

    [Fact]
    public void DescriptiveStatistics_Summarize_CorrectedIntervalWidensByNadeauBengioFactor()
    {
        var summary = DescriptiveStatistics.Summarize(Folds, ResamplingDesign.KFold(5));

        double std = Math.Sqrt(530e-6);
        double halfWidth = T975With4Df * std * Math.Sqrt((1.0 / 5) + (1.0 / 4));
        Assert.Equal(0.814, summary.Mean, 14);
        Assert.Equal(std, summary.Std, 14);
        Assert.Equal(0.814 - halfWidth, summary.Lower!.Value, 12);
        Assert.Equal(0.814 + halfWidth, summary.Upper!.Value, 12);
        Assert.Equal(0.79, summary.Min);
        Assert.Equal(0.85, summary.Max);
        Assert.Equal(5, summary.Count);
    }

    [Fact]
    public void DescriptiveStatistics_Summarize_NaiveIntervalUsesStandardError()
    {
        var summary = DescriptiveStatistics.Summarize(Folds, ResamplingDesign.KFold(5), method: IntervalMethod.Naive);

        double halfWidth = T975With4Df * Math.Sqrt(530e-6) / Math.Sqrt(5);
        Assert.Equal(0.814 + halfWidth, summary.Upper!.Value, 12);
        Assert.Equal(IntervalMethod.Naive, summary.Method);
    }

    [Fact]
    public void DescriptiveStatistics_Summarize_SingleRunHasNoInterval()
    {
        var summary = DescriptiveStatistics.Summarize([0.91], ResamplingDesign.Holdout(0.2));

        Assert.Equal(0.91, summary.Mean);
        Assert.Equal(0, summary.Std);
        Assert.Null(summary.Lower);
        Assert.Null(summary.Upper);
    }

    [Fact]
    public void DescriptiveStatistics_Summarize_SkipsNonFiniteValues()
    {
        var summary = DescriptiveStatistics.Summarize([0.80, double.NaN, 0.82, 0.79, 0.85, 0.81, double.PositiveInfinity], ResamplingDesign.KFold(7));

        Assert.Equal(5, summary.Count);
        Assert.Equal(0.814, summary.Mean, 14);
    }

    [Fact]
    public void DescriptiveStatistics_Summarize_RejectsAllMissing()
    {
        Assert.Throws<ArgumentException>(() => DescriptiveStatistics.Summarize([double.NaN, double.NaN], ResamplingDesign.KFold(2)));
    }

    [Fact]
    public void DescriptiveStatistics_MeanAndVariance_IsExactForLargeOffsets()
    {
        // A naive Σx² − n x̄² would cancel catastrophically at an offset of 1e9.
        var (mean, variance) = DescriptiveStatistics.MeanAndVariance([1e9 + 1, 1e9 + 2, 1e9 + 3]);

        Assert.Equal(1e9 + 2, mean);
        Assert.Equal(1, variance, 12);
    }
}
