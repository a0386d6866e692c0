using MLPipelines.Tuning.Budgets;
using MLPipelines.Tuning.Search;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Everything the nested search of one model needs, resolved from the spec's <c>tuning</c> block and the model's
/// <c>tune</c> key: budget per outer split, inner splits, strategy, ensemble size, the search space, the option that
/// is the resource for successive halving, and how many trials run at once with how many threads each.
/// </summary>
public sealed record TuningSettings
{
    public required TuningBudget Budget { get; init; }

    /// <summary>Inner k-fold folds, or null for an inner holdout (<see cref="InnerTestFraction"/>).</summary>
    public int? InnerFolds { get; init; } = 5;

    /// <summary>Share of the outer training rows held out when the inner split is a holdout.</summary>
    public double InnerTestFraction { get; init; } = 0.2;

    public TuningStrategy Strategy { get; init; } = TuningStrategy.Random;

    /// <summary>Rounds of greedy ensemble selection (ensemble size with repetitions).</summary>
    public int EnsembleSize { get; init; } = 25;

    /// <summary>How the tuned and ensembled variants are kept (<see cref="TuningSelection"/>).</summary>
    public TuningSelection Selection { get; init; } = TuningSelection.OneStandardError;

    public required SearchSpace Space { get; init; }

    /// <summary>The option successive halving scales (boosting rounds, trees or epochs); null = none (random search only).</summary>
    public string? ResourceOption { get; init; }

    /// <summary>Trials trained at once.</summary>
    public int ParallelTrials { get; init; } = 1;

    /// <summary>The <c>threads</c> value each trial's trainer gets when the model does not set one; null = leave it.</summary>
    public int? ThreadsPerTrial { get; init; }
}
