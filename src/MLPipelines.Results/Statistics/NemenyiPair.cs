using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>One pair of the Nemenyi post-hoc test.</summary>
/// <param name="A">First model (lower index in the matrix).</param>
/// <param name="B">Second model.</param>
/// <param name="RankDifference">|R_A − R_B|, the absolute difference of average ranks.</param>
/// <param name="PValue">
/// P(studentized range of k ≥ √2 · |R_A − R_B| / √(k(k+1)/(6N))), the Nemenyi p-value (as in scikit-posthocs'
/// posthoc_nemenyi_friedman); not adjusted further, the studentized range already covers all pairs.
/// </param>
/// <param name="Significant">|R_A − R_B| ≥ CD.</param>
public sealed record NemenyiPair(
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("b")] string B,
    [property: JsonPropertyName("rank_difference")] double RankDifference,
    [property: JsonPropertyName("p_value")] double PValue,
    [property: JsonPropertyName("significant")] bool Significant);
