namespace MLPipelines.Results.Statistics;

/// <summary>
/// Elo ratings of models over datasets as TabArena (Erickson et al. 2025) computes them: on every dataset each
/// pair of models plays one battle (the better mean score wins, equal scores tie), Bradley-Terry strengths are
/// fitted by maximum likelihood (<see cref="BradleyTerry"/>) and put on the Elo scale, 400·log10 of the odds,
/// with the reference model fixed at 1000. A 400-point gap means 10:1 odds of winning a dataset. The 95% interval
/// is the 2.5-97.5 percentile range over bootstrap resamples of the datasets (each resample re-calibrated).
/// </summary>
public static class EloRatings
{
    /// <summary>Rating the reference model is fixed at.</summary>
    public const double ReferenceElo = 1000;

    /// <summary>Computes the ratings, best first.</summary>
    /// <param name="scores">Mean score of each model on each dataset.</param>
    /// <param name="direction">Which way the metric improves.</param>
    /// <param name="reference">The model fixed at 1000.</param>
    /// <param name="rounds">Bootstrap resamples (TabArena uses 100 to 200).</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <exception cref="ArgumentException">An unknown reference model.</exception>
    public static IReadOnlyList<EloRating> Compute(ScoreMatrix scores, MetricDirection direction, string reference, int rounds = 200, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var referenceIndex = IndexOf(scores, reference);
        var winsPerDataset = Enumerable.Range(0, scores.Datasets.Count).Select(d => Wins(scores.Row(d), direction)).ToList();
        var elo = Ratings(winsPerDataset, Enumerable.Repeat(1.0, winsPerDataset.Count).ToArray(), referenceIndex);

        var random = new Random(seed);
        var samples = new double[rounds][];
        var n = winsPerDataset.Count;
        for (var r = 0; r < rounds; r++)
        {
            var counts = new double[n];
            for (var d = 0; d < n; d++)
            {
                counts[random.Next(n)]++;
            }

            samples[r] = Ratings(winsPerDataset, counts, referenceIndex);
        }

        return [.. scores.Models
            .Select((model, m) => new EloRating(
                model,
                elo[m],
                Percentile([.. samples.Select(s => s[m])], 0.025),
                Percentile([.. samples.Select(s => s[m])], 0.975)))
            .OrderByDescending(e => e.Elo)
            .ThenBy(e => e.Model, StringComparer.Ordinal)];
    }

    /// <summary>Wins of each model on one dataset against every other model: 1 per better score, 1/2 per tie.</summary>
    internal static double[] Wins(ReadOnlySpan<double> row, MetricDirection direction)
    {
        var wins = new double[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            for (var j = 0; j < row.Length; j++)
            {
                if (i != j)
                {
                    wins[i] += row[i] == row[j] ? 0.5 : Better(row[i], row[j], direction) ? 1 : 0;
                }
            }
        }

        return wins;
    }

    internal static bool Better(double a, double b, MetricDirection direction) =>
        direction == MetricDirection.HigherIsBetter ? a > b : a < b;

    internal static int IndexOf(ScoreMatrix scores, string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var index = scores.Models.ToList().IndexOf(model);
        return index >= 0
            ? index
            : throw new ArgumentException($"The reference model '{model}' is not one of {string.Join(", ", scores.Models)}.", nameof(model));
    }

    /// <summary>The <paramref name="q"/> quantile with linear interpolation between order statistics (numpy's default).</summary>
    internal static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    private static double[] Ratings(List<double[]> winsPerDataset, double[] counts, int reference)
    {
        var k = winsPerDataset[0].Length;
        var wins = new double[k];
        for (var d = 0; d < winsPerDataset.Count; d++)
        {
            for (var m = 0; m < k; m++)
            {
                wins[m] += counts[d] * winsPerDataset[d][m];
            }
        }

        var strengths = BradleyTerry.Fit(wins, counts.Sum());
        var toElo = 400 / Math.Log(10);
        return [.. strengths.Select(t => ReferenceElo + (toElo * (t - strengths[reference])))];
    }
}
