using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// The corrected resampled paired t-test of Nadeau &amp; Bengio (2003), computed as Weka's
/// <c>PairedCorrectedTTester</c> / <c>PairedStatsCorrected</c> does:
/// t = mean(d) / √((1/n + n_test/n_train) · s_d²), df = n − 1, two-sided p = P(|T_{n−1}| ≥ |t|),
/// significant when p ≤ α.
/// </summary>
/// <remarks>
/// Edge cases (zero variance of the differences, judged with a tolerance of 1e-12 of the largest |score|
/// so that rounding noise in a − b does not count as variance):
/// <list type="bullet">
/// <item>all differences zero: t = 0, p = 1, not significant (Weka: probability 1);</item>
/// <item>a constant non-zero difference: t undefined (null, ±∞ in the limit), p = 0, significant — Weka's
/// PairedStatsCorrected sets the probability to 0 when s_d = 0 but Σd² &gt; 0, and so do we;</item>
/// <item>fewer than two runs: no test (t and p null, not significant). Weka would report p = 0 for a
/// single non-zero difference, which claims significance from one split; we do not follow it there.</item>
/// </list>
/// </remarks>
public static class CorrectedResampledTTest
{
    private const double ZeroVarianceTolerance = 1e-12;

    /// <summary>Tests the paired fold scores of model A against model B.</summary>
    /// <param name="metric">Metric name, copied into the result.</param>
    /// <param name="direction">Which way the metric improves (for <see cref="PairedComparison.Better"/> and fold counts).</param>
    /// <param name="nameA">Name of model A.</param>
    /// <param name="a">A's scores, one per run, in the same run order as <paramref name="b"/>.</param>
    /// <param name="nameB">Name of model B.</param>
    /// <param name="b">B's scores.</param>
    /// <param name="design">Resampling design; its run count must match the score counts.</param>
    /// <param name="alpha">Significance level in (0, 1); default 0.05.</param>
    public static PairedComparison Compare(
        string metric,
        MetricDirection direction,
        string nameA,
        IReadOnlyList<double> a,
        string nameB,
        IReadOnlyList<double> b,
        ResamplingDesign design,
        double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(design);
        CheckAlpha(alpha);
        if (a.Count != b.Count || a.Count != design.Runs)
        {
            throw new ArgumentException(
                $"Metric '{metric}': '{nameA}' has {a.Count} fold values and '{nameB}' has {b.Count}, but the design ({design.Description}) has {design.Runs} runs.",
                nameof(b));
        }

        var pairs = new List<(double A, double B)>(a.Count);
        for (int i = 0; i < a.Count; i++)
        {
            if (double.IsFinite(a[i]) && double.IsFinite(b[i]))
            {
                pairs.Add((a[i], b[i]));
            }
        }

        int n = pairs.Count;
        var differences = pairs.Select(p => p.A - p.B).ToArray();
        var (meanDiff, variance) = n > 0 ? DescriptiveStatistics.MeanAndVariance(differences) : (double.NaN, 0);
        var (t, p) = TestStatistic(pairs, differences, meanDiff, variance, design.TestTrainRatio);

        bool significant = p is { } pValue && pValue <= alpha;
        double meanA = n > 0 ? pairs.Average(x => x.A) : double.NaN;
        double meanB = n > 0 ? pairs.Average(x => x.B) : double.NaN;
        var folds = WinTieLoss.FromFolds(pairs, direction);
        return new PairedComparison
        {
            A = nameA,
            B = nameB,
            Metric = metric,
            Count = n,
            MeanA = meanA,
            MeanB = meanB,
            MeanDiff = meanDiff,
            T = t,
            DegreesOfFreedom = Math.Max(0, n - 1),
            PValue = p,
            Alpha = alpha,
            Significant = significant,
            Better = significant ? BetterOf(nameA, meanA, nameB, meanB, direction) : null,
            FoldWins = folds.Wins,
            FoldTies = folds.Ties,
            FoldLosses = folds.Losses,
        };
    }

    /// <summary>
    /// Re-decides significance with a Holm-adjusted p-value (see <see cref="HolmCorrection"/>).
    /// </summary>
    public static PairedComparison WithAdjustedPValue(PairedComparison comparison, double? adjusted, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        bool significant = adjusted is { } p && p <= comparison.Alpha;
        return comparison with
        {
            PValueHolm = adjusted,
            Significant = significant,
            Better = significant ? BetterOf(comparison.A, comparison.MeanA, comparison.B, comparison.MeanB, direction) : null,
        };
    }

    internal static void CheckAlpha(double alpha)
    {
        if (!(alpha > 0 && alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The significance level must be in (0, 1).");
        }
    }

    private static (double? T, double? P) TestStatistic(
        List<(double A, double B)> pairs, double[] differences, double meanDiff, double variance, double ratio)
    {
        int n = pairs.Count;
        if (n < 2)
        {
            return (null, null);
        }

        double scale = pairs.Max(p => Math.Max(Math.Abs(p.A), Math.Abs(p.B)));
        double tolerance = ZeroVarianceTolerance * scale;
        if (Math.Sqrt(variance) <= tolerance)
        {
            bool allZero = differences.All(d => Math.Abs(d) <= tolerance);
            return allZero ? (0, 1) : (null, 0);
        }

        double t = meanDiff / Math.Sqrt(((1.0 / n) + ratio) * variance);
        return (t, StudentT.TwoSidedPValue(t, n - 1));
    }

    private static string BetterOf(string nameA, double meanA, string nameB, double meanB, MetricDirection direction) =>
        MetricDirections.Compare(meanA, meanB, direction) >= 0 ? nameA : nameB;
}
