namespace MLPipelines.Spec;

/// <summary>
/// The <c>tuning:</c> section as read (every default filled in), or a model's settings after its <c>tune:</c>
/// mapping replaced some keys. Resolved into the engine's settings when the run starts.
/// </summary>
public sealed record TuningSpec
{
    /// <summary>Seconds per model and outer split; null = no time limit.</summary>
    public double? BudgetSeconds { get; init; }

    /// <summary>Trials per model and outer split; null = no count limit (both null: <see cref="TuningFormat.DefaultTrials"/>).</summary>
    public int? BudgetTrials { get; init; }

    /// <summary><c>kfold</c> or <c>holdout</c>.</summary>
    public string InnerMethod { get; init; } = "kfold";

    public int InnerFolds { get; init; } = 5;

    public double InnerTestFraction { get; init; } = 0.2;

    /// <summary><c>random</c> or <c>successive_halving</c>.</summary>
    public string Strategy { get; init; } = "random";

    public int EnsembleSize { get; init; } = 25;

    /// <summary><c>one_se</c> (leave the defaults, or the tuned configuration, only for a paired gain above one standard error) or <c>best</c>.</summary>
    public string Selection { get; init; } = "one_se";

    /// <summary>Trials at once; null = automatic.</summary>
    public int? ParallelTrials { get; init; }

    /// <summary>Threads per trial; null = automatic.</summary>
    public int? Threads { get; init; }
}
