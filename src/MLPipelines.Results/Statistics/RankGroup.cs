using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// A maximal run of models, consecutive in average rank, whose best and worst average ranks differ by less than
/// the critical difference: no pair inside is significantly different. Drawn as one thick bar in a
/// critical-difference diagram.
/// </summary>
/// <param name="Models">Members, best average rank first (at least two).</param>
/// <param name="BestRank">Smallest average rank in the group.</param>
/// <param name="WorstRank">Largest average rank in the group.</param>
public sealed record RankGroup(
    [property: JsonPropertyName("models")] IReadOnlyList<string> Models,
    [property: JsonPropertyName("best_rank")] double BestRank,
    [property: JsonPropertyName("worst_rank")] double WorstRank);
