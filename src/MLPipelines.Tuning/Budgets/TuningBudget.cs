namespace MLPipelines.Tuning.Budgets;

/// <summary>
/// How much one model may spend searching on one outer split: wall-clock seconds, trials (evaluations; for
/// successive halving, configurations drawn), or both (whichever runs out first). The same budget applies to every
/// tuned model, so their tuned figures compare at equal compute.
/// </summary>
public sealed record TuningBudget
{
    /// <summary>Creates a budget; at least one limit is required.</summary>
    /// <exception cref="ArgumentException">Neither limit, or a limit that is not positive.</exception>
    public TuningBudget(double? seconds, int? trials)
    {
        if (seconds is null && trials is null)
        {
            throw new ArgumentException("A tuning budget needs seconds, trials or both.", nameof(seconds));
        }

        if (seconds is { } s && !(s > 0 && double.IsFinite(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Budget seconds must be a positive number.");
        }

        if (trials is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trials), trials, "A budget needs at least one trial.");
        }

        Seconds = seconds;
        Trials = trials;
    }

    /// <summary>Wall-clock seconds per model and outer split; null = no time limit.</summary>
    public double? Seconds { get; }

    /// <summary>Trials per model and outer split; null = no count limit.</summary>
    public int? Trials { get; }

    /// <summary>E.g. <c>120 s</c>, <c>40 trials</c> or <c>120 s or 40 trials</c>.</summary>
    public override string ToString() => (Seconds, Trials) switch
    {
        ({ } s, { } t) => $"{s:0.###} s or {t} trials",
        ({ } s, null) => $"{s:0.###} s",
        _ => $"{Trials} trials",
    };
}
