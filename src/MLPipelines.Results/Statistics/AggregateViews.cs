using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// TabArena's aggregate views of an experiment beside ranks and Friedman/Nemenyi: Elo with bootstrap intervals
/// (the reference model at 1000), mean normalized score (per dataset best = 1, reference = 0) and win rate. Lists
/// are in <see cref="Models"/> order.
/// </summary>
public sealed record AggregateViews
{
    /// <summary>Bootstrap resamples used for the Elo intervals.</summary>
    public const int DefaultRounds = 200;

    [JsonPropertyName("reference")]
    public required string Reference { get; init; }

    [JsonPropertyName("models")]
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Elo per model, in <see cref="Models"/> order.</summary>
    [JsonPropertyName("elo")]
    public required IReadOnlyList<EloRating> Elo { get; init; }

    [JsonPropertyName("normalized_score")]
    public required IReadOnlyList<double> NormalizedScore { get; init; }

    [JsonPropertyName("win_rate")]
    public required IReadOnlyList<double> WinRate { get; init; }

    [JsonPropertyName("bootstrap_rounds")]
    public required int BootstrapRounds { get; init; }

    [JsonPropertyName("seed")]
    public required int Seed { get; init; }

    /// <summary>Computes the three views.</summary>
    /// <exception cref="ArgumentException">An unknown reference model.</exception>
    public static AggregateViews Compute(ScoreMatrix scores, MetricDirection direction, string reference, int rounds = DefaultRounds, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var elo = EloRatings.Compute(scores, direction, reference, rounds, seed).ToDictionary(e => e.Model, StringComparer.Ordinal);
        return new AggregateViews
        {
            Reference = reference,
            Models = scores.Models,
            Elo = [.. scores.Models.Select(m => elo[m])],
            NormalizedScore = NormalizedScores.Mean(scores, direction, reference),
            WinRate = WinRates.Compute(scores, direction),
            BootstrapRounds = rounds,
            Seed = seed,
        };
    }
}
