using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Statistics;

/// <summary>Per-metric summaries of fold values: mean, sample std, min, max and a t-based confidence interval.</summary>
public static class DescriptiveStatistics
{
    /// <summary>
    /// Summarizes one model's fold values for one metric. The interval is
    /// mean ± t_{n−1, (1+c)/2} · s · √(1/n + n_test/n_train) with the default <see cref="IntervalMethod.Corrected"/>,
    /// or mean ± t_{n−1, (1+c)/2} · s / √n with <see cref="IntervalMethod.Naive"/>.
    /// </summary>
    /// <param name="folds">Fold values in run order; NaN and infinities are skipped.</param>
    /// <param name="design">The resampling design, for the test/train ratio of the correction.</param>
    /// <param name="confidence">Confidence level in (0, 1); default 0.95.</param>
    /// <param name="method">Corrected (default) or naive interval.</param>
    public static FoldStatistics Summarize(
        IReadOnlyList<double> folds,
        ResamplingDesign design,
        double confidence = 0.95,
        IntervalMethod method = IntervalMethod.Corrected)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(design);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be in (0, 1).");
        }

        double[] values = [.. folds.Where(double.IsFinite)];
        if (values.Length == 0)
        {
            throw new ArgumentException($"No finite fold values to summarize (got {folds.Count} values).", nameof(folds));
        }

        var (mean, variance) = MeanAndVariance(values);
        double std = Math.Sqrt(variance);
        var summary = new FoldStatistics
        {
            Count = values.Length,
            Mean = mean,
            Std = std,
            Min = values.Min(),
            Max = values.Max(),
            Confidence = confidence,
            Method = method,
        };
        if (values.Length < 2)
        {
            return summary;
        }

        double scale = method == IntervalMethod.Corrected
            ? Math.Sqrt((1.0 / values.Length) + design.TestTrainRatio)
            : Math.Sqrt(1.0 / values.Length);
        double halfWidth = StudentT.Quantile(0.5 + (confidence / 2), values.Length - 1) * std * scale;
        return summary with { Lower = mean - halfWidth, Upper = mean + halfWidth };
    }

    /// <summary>Mean and sample variance (n − 1 denominator; 0 for one value), by two passes for accuracy.</summary>
    internal static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        if (values.Length < 2)
        {
            return (mean, 0);
        }

        // Second pass with the compensating term Σ(x − x̄), which is zero in exact arithmetic and removes
        // most of the rounding error of the first pass (Chan, Golub & LeVeque 1983).
        double squares = 0;
        double compensation = 0;
        foreach (double v in values)
        {
            double deviation = v - mean;
            squares += deviation * deviation;
            compensation += deviation;
        }

        double variance = (squares - (compensation * compensation / values.Length)) / (values.Length - 1);
        return (mean, Math.Max(0, variance));
    }
}
