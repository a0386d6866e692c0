using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// The Nemenyi post-hoc test after a Friedman test (Demšar 2006): all pairs of models compared by their
/// average ranks against one critical difference. Demšar advises reading it only when the Friedman test
/// rejects (<see cref="FriedmanResult.Significant"/>); the numbers are computed either way.
/// </summary>
public static class NemenyiTest
{
    /// <summary>Runs the post-hoc test on the average ranks of a Friedman result.</summary>
    public static NemenyiResult Run(FriedmanResult friedman, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(friedman);
        return Run(friedman.Models, friedman.AverageRanks, friedman.DatasetCount, alpha);
    }

    /// <summary>Runs the post-hoc test on average ranks R_j of k models over N datasets.</summary>
    public static NemenyiResult Run(IReadOnlyList<string> models, IReadOnlyList<double> averageRanks, int datasets, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(averageRanks);
        if (models.Count != averageRanks.Count)
        {
            throw new ArgumentException($"{models.Count} models but {averageRanks.Count} average ranks.", nameof(averageRanks));
        }

        int k = models.Count;
        double q = CriticalDifference.NemenyiQ(k, alpha);
        double standardError = CriticalDifference.RankStandardError(k, datasets);
        double cd = q * standardError;
        var pairs = new List<NemenyiPair>();
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                double difference = Math.Abs(averageRanks[i] - averageRanks[j]);
                double p = StudentizedRange.Survival(difference / standardError * Math.Sqrt(2), k);
                pairs.Add(new NemenyiPair(models[i], models[j], difference, p, difference >= cd));
            }
        }

        return new NemenyiResult
        {
            Models = [.. models],
            AverageRanks = [.. averageRanks],
            DatasetCount = datasets,
            Alpha = alpha,
            QAlpha = q,
            CriticalDifference = cd,
            Pairs = pairs,
            Groups = Groups(models, averageRanks, cd),
        };
    }

    /// <summary>
    /// Maximal runs of rank-sorted models spanning less than <paramref name="criticalDifference"/>. For each model
    /// in rank order the run extends to the last model within CD of it; runs contained in an earlier one and
    /// single models are dropped (the usual construction of CD-diagram bars, e.g. Orange's).
    /// </summary>
    public static IReadOnlyList<RankGroup> Groups(IReadOnlyList<string> models, IReadOnlyList<double> averageRanks, double criticalDifference)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(averageRanks);
        var order = Enumerable.Range(0, models.Count).OrderBy(i => averageRanks[i]).ThenBy(i => i).ToArray();
        var groups = new List<RankGroup>();
        int lastEnd = 0;
        for (int start = 0; start < order.Length; start++)
        {
            int end = start;
            while (end + 1 < order.Length && averageRanks[order[end + 1]] - averageRanks[order[start]] < criticalDifference)
            {
                end++;
            }

            if (end > start && end > lastEnd)
            {
                groups.Add(new RankGroup(
                    [.. order[start..(end + 1)].Select(i => models[i])],
                    averageRanks[order[start]],
                    averageRanks[order[end]]));
                lastEnd = end;
            }
        }

        return groups;
    }
}
