namespace MLPipelines.Results;

/// <summary>
/// The search on one outer split: inner scores (optimistic: they chose the configuration) beside outer scores
/// (honest: those rows were never seen), the configuration chosen, the ensemble, timings and every trial.
/// </summary>
public sealed record TuningSplitResult
{
    public required int Repeat { get; init; }

    public required int Fold { get; init; }

    /// <summary>Wall seconds of the whole search on this split (features, trials, ensemble, scoring).</summary>
    public required double Seconds { get; init; }

    /// <summary>Seconds spent preparing features (once per inner split).</summary>
    public double PrepareSeconds { get; init; }

    /// <summary>Seconds inside the trainers' own fits, summed over trials (can exceed <see cref="Seconds"/> with parallel trials).</summary>
    public double FitSeconds { get; init; }

    public required int Trials { get; init; }

    public int FailedTrials { get; init; }

    /// <summary>Inner (out-of-fold) primary metric of the defaults, of the chosen configuration and of the ensemble.</summary>
    public required double DefaultInnerScore { get; init; }

    public required double TunedInnerScore { get; init; }

    public required double EnsembledInnerScore { get; init; }

    /// <summary>Outer test primary metric of the three variants on this split.</summary>
    public required double DefaultOuterScore { get; init; }

    public required double TunedOuterScore { get; init; }

    public required double EnsembledOuterScore { get; init; }

    /// <summary>Key of the chosen evaluation (<c>c12-r2</c>: configuration 12, rung 2).</summary>
    public required string Chosen { get; init; }

    /// <summary>The chosen option values as text; empty = the defaults.</summary>
    public required IReadOnlyDictionary<string, string> ChosenValues { get; init; }

    /// <summary>Ensemble members, largest weight first.</summary>
    public required IReadOnlyList<EnsembleMemberResult> Ensemble { get; init; }

    /// <summary><c>one_se</c> or <c>best</c> (records written before the rule existed read as <c>best</c>).</summary>
    public string Selection { get; init; } = "best";

    /// <summary>With <c>one_se</c>: the rule's decisions (best configuration against the defaults; ensemble against the defaults and the tuned variant).</summary>
    public IReadOnlyList<SelectionDecision> Decisions { get; init; } = [];

    /// <summary>Every trial in finishing order (the anytime curve is their running best).</summary>
    public required IReadOnlyList<TuningTrialResult> TrialLog { get; init; }
}

/// <summary>One member of an ensemble: the evaluation, its weight (times chosen / rounds) and its values.</summary>
public sealed record EnsembleMemberResult(string Key, double Weight, double InnerScore, IReadOnlyDictionary<string, string> Values);

/// <summary>One trial: which evaluation, its inner score, how long it took and when it finished on the budget clock.</summary>
public sealed record TuningTrialResult
{
    public required string Key { get; init; }

    public required int Trial { get; init; }

    public int Rung { get; init; }

    public double ResourceFraction { get; init; } = 1;

    public required double InnerScore { get; init; }

    public required double Seconds { get; init; }

    public double FitSeconds { get; init; }

    public required double FinishedAt { get; init; }

    /// <summary>Null when it finished; the error otherwise.</summary>
    public string? Error { get; init; }
}
