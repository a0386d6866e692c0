using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// What one trial (one configuration trained on every inner split) produced: its out-of-fold predictions for the
/// inner validation rows (<see cref="TrialRunner.ValidationRows"/> order), the average of its inner models'
/// predictions for the outer test rows (the bag: no refit), and its timings. Null predictions when it failed.
/// </summary>
internal sealed record TrialOutcome
{
    public PredictionSet? Validation { get; init; }

    public PredictionSet? Test { get; init; }

    /// <summary>Seconds inside the trainers' fits.</summary>
    public required double FitSeconds { get; init; }

    /// <summary>Wall seconds of the whole trial.</summary>
    public required double Seconds { get; init; }

    /// <summary>Why it failed; null when it finished.</summary>
    public string? Error { get; init; }

    public bool Failed => Error is not null;
}
