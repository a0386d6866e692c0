using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// Win/tie/loss counts of one model against others. Two granularities:
/// <list type="bullet">
/// <item>per fold (<see cref="FromFolds"/>): a win is a run where the model scored strictly better, a tie an
/// exactly equal score, a loss a strictly worse score — descriptive only, no test involved;</item>
/// <item>per significance (<see cref="Tally"/>): over a set of comparisons (metrics, or datasets in an
/// experiment, like Weka's "(v/ /*)" counts), a win is a significant difference in the model's favour,
/// a loss a significant difference against it, and a tie a difference that is not significant.</item>
/// </list>
/// </summary>
public readonly record struct WinTieLoss(
    [property: JsonPropertyName("wins")] int Wins,
    [property: JsonPropertyName("ties")] int Ties,
    [property: JsonPropertyName("losses")] int Losses)
{
    /// <summary>Per-fold counts from A's side over paired scores.</summary>
    public static WinTieLoss FromFolds(IEnumerable<(double A, double B)> pairs, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int wins = 0, ties = 0, losses = 0;
        foreach (var (a, b) in pairs)
        {
            int order = MetricDirections.Compare(a, b, direction);
            if (order > 0)
            {
                wins++;
            }
            else if (order < 0)
            {
                losses++;
            }
            else
            {
                ties++;
            }
        }

        return new WinTieLoss(wins, ties, losses);
    }

    /// <summary>
    /// Significance counts for <paramref name="model"/> over the comparisons that involve it (as A or B);
    /// comparisons not involving it are ignored.
    /// </summary>
    public static WinTieLoss Tally(IEnumerable<PairedComparison> comparisons, string model)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        int wins = 0, ties = 0, losses = 0;
        foreach (var c in comparisons.Where(c => c.A == model || c.B == model))
        {
            if (c.Better is null)
            {
                ties++;
            }
            else if (c.Better == model)
            {
                wins++;
            }
            else
            {
                losses++;
            }
        }

        return new WinTieLoss(wins, ties, losses);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Wins}/{Ties}/{Losses}";
}
