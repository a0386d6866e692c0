namespace MLPipelines.Results.Statistics;

/// <summary>Ranks of models within a dataset (1 = best, direction-aware) and their averages over datasets.</summary>
public static class Ranking
{
    /// <summary>
    /// Ranks the scores of one dataset: rank 1 is the best score in <paramref name="direction"/>; exactly equal
    /// scores share the average of the ranks they span (two models tied for first both get 1.5), as Demšar
    /// (2006) and scipy.stats.rankdata(method="average") do.
    /// </summary>
    public static double[] Rank(ReadOnlySpan<double> scores, MetricDirection direction)
    {
        var values = scores.ToArray();
        var order = Enumerable.Range(0, values.Length)
            .OrderBy(i => direction == MetricDirection.HigherIsBetter ? -values[i] : values[i])
            .ToArray();
        var ranks = new double[values.Length];
        int start = 0;
        while (start < order.Length)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            // Positions start..end (0-based) hold equal scores; each gets the mean of ranks start+1..end+1.
            double shared = ((start + end) / 2.0) + 1;
            for (int i = start; i <= end; i++)
            {
                ranks[order[i]] = shared;
            }

            start = end + 1;
        }

        return ranks;
    }

    /// <summary>R_j = (1/N) Σ_d r_dj, the average rank of each model over the datasets.</summary>
    public static double[] AverageRanks(ScoreMatrix scores, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var sums = new double[scores.Models.Count];
        for (int d = 0; d < scores.Datasets.Count; d++)
        {
            var ranks = Rank(scores.Row(d), direction);
            for (int m = 0; m < sums.Length; m++)
            {
                sums[m] += ranks[m];
            }
        }

        return [.. sums.Select(s => s / scores.Datasets.Count)];
    }
}
