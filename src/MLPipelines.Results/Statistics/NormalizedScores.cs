namespace MLPipelines.Results.Statistics;

/// <summary>
/// Normalized score per dataset, as in TabArena's aggregate views: the best model of the dataset scores 1 and
/// the reference model 0, linearly in between: (s − s_ref) / (s_best − s_ref), direction-aware. Values are clipped
/// to [0, 1], so a model worse than the reference counts 0 rather than a large negative number on a dataset where
/// the reference is nearly the best (the denominator is then tiny and would let one dataset dominate the mean).
/// When the reference is itself the best, models equal to it score 1 and the others 0.
/// </summary>
public static class NormalizedScores
{
    /// <summary>The normalized score [dataset][model].</summary>
    /// <exception cref="ArgumentException">An unknown reference model.</exception>
    public static double[][] PerDataset(ScoreMatrix scores, MetricDirection direction, string reference)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var r = EloRatings.IndexOf(scores, reference);
        var result = new double[scores.Datasets.Count][];
        for (var d = 0; d < result.Length; d++)
        {
            var row = scores.Row(d);
            var best = row[0];
            foreach (var value in row)
            {
                best = EloRatings.Better(value, best, direction) ? value : best;
            }

            var span = best - row[r];
            var normalized = new double[row.Length];
            for (var m = 0; m < row.Length; m++)
            {
                normalized[m] = span == 0 ? (row[m] == best ? 1 : 0) : Math.Clamp((row[m] - row[r]) / span, 0, 1);
            }

            result[d] = normalized;
        }

        return result;
    }

    /// <summary>Each model's mean normalized score over the datasets.</summary>
    public static double[] Mean(ScoreMatrix scores, MetricDirection direction, string reference)
    {
        var perDataset = PerDataset(scores, direction, reference);
        return [.. Enumerable.Range(0, scores.Models.Count).Select(m => perDataset.Average(row => row[m]))];
    }
}
