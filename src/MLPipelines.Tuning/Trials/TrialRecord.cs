namespace MLPipelines.Tuning.Trials;

/// <summary>
/// What one finished trial left behind for the trial log and the anytime curve: which evaluation it was
/// (configuration, rung, resource share), its values, its inner validation score, how long it took, and when it
/// finished relative to the start of its search (seconds on the budget clock, earlier attempts included).
/// </summary>
public sealed record TrialRecord
{
    /// <summary>Order in which the trial was started (0 = the model's own configuration).</summary>
    public required int Trial { get; init; }

    /// <summary>Index of the configuration in the search's sequence (0 = defaults).</summary>
    public required int Config { get; init; }

    /// <summary>Successive-halving rung (0 for random search).</summary>
    public int Rung { get; init; }

    /// <summary>Share of the full resource (boosting rounds / epochs) it trained with; 1 = as configured.</summary>
    public double ResourceFraction { get; init; } = 1;

    /// <summary>The option values it replaced, as text (<c>name</c> to value text); empty = defaults.</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>Inner validation score on the primary metric (out-of-fold over the inner splits); NaN when failed.</summary>
    public required double InnerScore { get; init; }

    public TrialStatus Status { get; init; } = TrialStatus.Finished;

    /// <summary>Why a failed trial failed; null when it finished.</summary>
    public string? Error { get; init; }

    /// <summary>Wall-clock seconds of the trial (all its inner fits and predictions).</summary>
    public required double Seconds { get; init; }

    /// <summary>Seconds inside the trainers' own fits (the rest is data handling, prediction and bookkeeping).</summary>
    public double FitSeconds { get; init; }

    /// <summary>Budget-clock seconds when it finished.</summary>
    public required double FinishedAt { get; init; }
}
