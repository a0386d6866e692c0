namespace MLPipelines.Results.Statistics;

/// <summary>
/// Win rate, as in TabArena: the share of battles a model wins, a battle being it against one other model on
/// one dataset (better mean score wins; a tie counts as half a win). 0.5 is an average model; 1 beats every other
/// model on every dataset.
/// </summary>
public static class WinRates
{
    /// <summary>Each model's win rate over all datasets and opponents.</summary>
    public static double[] Compute(ScoreMatrix scores, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var k = scores.Models.Count;
        var wins = new double[k];
        for (var d = 0; d < scores.Datasets.Count; d++)
        {
            var row = EloRatings.Wins(scores.Row(d), direction);
            for (var m = 0; m < k; m++)
            {
                wins[m] += row[m];
            }
        }

        var battles = (double)scores.Datasets.Count * (k - 1);
        return [.. wins.Select(w => w / battles)];
    }
}
