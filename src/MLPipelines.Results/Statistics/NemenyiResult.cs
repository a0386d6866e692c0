using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>Outcome of the Nemenyi post-hoc test: the critical difference, every pair and the non-significant groups.</summary>
public sealed record NemenyiResult
{
    [JsonPropertyName("models")]
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Average ranks in <see cref="Models"/> order (1 = best).</summary>
    [JsonPropertyName("average_ranks")]
    public required IReadOnlyList<double> AverageRanks { get; init; }

    [JsonPropertyName("datasets")]
    public required int DatasetCount { get; init; }

    [JsonPropertyName("alpha")]
    public required double Alpha { get; init; }

    /// <summary>q_α: studentized range quantile (k, ∞) / √2.</summary>
    [JsonPropertyName("q_alpha")]
    public required double QAlpha { get; init; }

    /// <summary>CD = q_α · √(k(k+1) / (6N)).</summary>
    [JsonPropertyName("critical_difference")]
    public required double CriticalDifference { get; init; }

    /// <summary>Every pair of models, in matrix order.</summary>
    [JsonPropertyName("pairs")]
    public required IReadOnlyList<NemenyiPair> Pairs { get; init; }

    /// <summary>Groups of models not significantly different from each other, best group first.</summary>
    [JsonPropertyName("groups")]
    public required IReadOnlyList<RankGroup> Groups { get; init; }
}
