using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// Critical differences of average ranks (Demšar 2006, section 3.2.2): two of k models compared over N
/// datasets differ significantly when their average ranks differ by at least CD = q_α · √(k(k+1) / (6N)).
/// </summary>
public static class CriticalDifference
{
    /// <summary>
    /// Nemenyi's q_α for all pairwise comparisons: the 1 − α quantile of the studentized range of k means with
    /// infinite degrees of freedom, divided by √2 (k = 4, α = 0.05: 2.569, Demšar's Table 5a).
    /// </summary>
    public static double NemenyiQ(int models, double alpha)
    {
        CorrectedResampledTTest.CheckAlpha(alpha);
        return StudentizedRange.Quantile(1 - alpha, models) / Math.Sqrt(2);
    }

    /// <summary>
    /// Bonferroni–Dunn q_α for comparing k − 1 models with one control: the normal quantile
    /// z_{1 − α / (2(k − 1))} (k = 4, α = 0.05: 2.394, Demšar's Table 5b).
    /// </summary>
    public static double BonferroniDunnQ(int models, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 2);
        CorrectedResampledTTest.CheckAlpha(alpha);
        return -Normal.Quantile(alpha / (2 * (models - 1)));
    }

    /// <summary>The standard error of a difference of average ranks, √(k(k+1) / (6N)).</summary>
    public static double RankStandardError(int models, int datasets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(models, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(datasets, 1);
        return Math.Sqrt(models * (models + 1.0) / (6.0 * datasets));
    }

    /// <summary>CD = q_α · √(k(k+1) / (6N)) for the Nemenyi test.</summary>
    public static double Nemenyi(int models, int datasets, double alpha = 0.05) =>
        NemenyiQ(models, alpha) * RankStandardError(models, datasets);

    /// <summary>CD = q_α · √(k(k+1) / (6N)) for the Bonferroni–Dunn test against a control model.</summary>
    public static double BonferroniDunn(int models, int datasets, double alpha = 0.05) =>
        BonferroniDunnQ(models, alpha) * RankStandardError(models, datasets);
}
