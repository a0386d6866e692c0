using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>One model's Elo: the maximum-likelihood rating and its bootstrap 95% interval (datasets resampled).</summary>
public sealed record EloRating(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("elo")] double Elo,
    [property: JsonPropertyName("low")] double Low,
    [property: JsonPropertyName("high")] double High);
