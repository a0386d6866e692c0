using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// A datasets × models comparison on one metric: means with significance marks against the baseline (Weka
/// Experimenter style), win/tie/loss counts, and the Friedman + Nemenyi analysis of the average ranks.
/// </summary>
public sealed record ExperimentResult
{
    [JsonPropertyName("metric")]
    public required string Metric { get; init; }

    [JsonPropertyName("baseline")]
    public required string Baseline { get; init; }

    [JsonPropertyName("models")]
    public required IReadOnlyList<string> Models { get; init; }

    [JsonPropertyName("datasets")]
    public required IReadOnlyList<string> Datasets { get; init; }

    /// <summary>Mean fold score, [dataset][model].</summary>
    [JsonPropertyName("means")]
    public required IReadOnlyList<IReadOnlyList<double>> Means { get; init; }

    /// <summary>
    /// Mark of each cell against the baseline on that dataset, [dataset][model]: "v" significantly better,
    /// "*" significantly worse, "" otherwise (and for the baseline itself). Direction-aware, so for error
    /// metrics "v" still means better; for higher-is-better metrics it is exactly Weka's v / * marking.
    /// </summary>
    [JsonPropertyName("marks")]
    public required IReadOnlyList<IReadOnlyList<string>> Marks { get; init; }

    /// <summary>Every model-vs-baseline t-test, by dataset.</summary>
    [JsonPropertyName("comparisons")]
    public required IReadOnlyDictionary<string, IReadOnlyList<PairedComparison>> Comparisons { get; init; }

    /// <summary>Per model: datasets where it is significantly better than / not different from / worse than the baseline.</summary>
    [JsonPropertyName("win_tie_loss")]
    public required IReadOnlyDictionary<string, WinTieLoss> WinTieLoss { get; init; }

    /// <summary>Friedman test on the mean scores.</summary>
    [JsonPropertyName("friedman")]
    public required FriedmanResult Friedman { get; init; }

    /// <summary>Nemenyi post-hoc test and the groups for the critical-difference diagram.</summary>
    [JsonPropertyName("nemenyi")]
    public required NemenyiResult Nemenyi { get; init; }

    /// <summary>Elo with bootstrap intervals, normalized score and win rate (TabArena's views); null in older files.</summary>
    [JsonPropertyName("aggregates")]
    public AggregateViews? Aggregates { get; init; }
}
