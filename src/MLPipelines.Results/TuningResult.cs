namespace MLPipelines.Results;

/// <summary>
/// How a tuned model was searched (<c>models[].tuning</c> of its <c>:tuned</c> row): the budget and protocol,
/// the space, and per outer split the trials, the chosen configuration, the ensemble and the timings. Everything
/// the report's Tuning section draws (anytime curves, optimism gap, budget used) comes from here.
/// </summary>
public sealed record TuningResult
{
    /// <summary>E.g. <c>120 s</c>, <c>40 trials</c>.</summary>
    public required string Budget { get; init; }

    public double? BudgetSeconds { get; init; }

    public int? BudgetTrials { get; init; }

    /// <summary><c>random</c> or <c>successive_halving</c>.</summary>
    public required string Strategy { get; init; }

    /// <summary>E.g. <c>5-fold</c> or <c>holdout 0.2</c>.</summary>
    public required string Inner { get; init; }

    public required int EnsembleSize { get; init; }

    /// <summary><c>one_se</c> or <c>best</c> (see <see cref="TuningSplitResult.Decisions"/>).</summary>
    public string Selection { get; init; } = "best";

    /// <summary>The searched options, one line each (<c>learning_rate: {log_uniform: [0.01, 0.3]}</c>).</summary>
    public required IReadOnlyList<string> Space { get; init; }

    /// <summary>Trials trained at once and threads per trial.</summary>
    public int ParallelTrials { get; init; } = 1;

    /// <summary>One entry per outer split, in the order of the model's folds.</summary>
    public required IReadOnlyList<TuningSplitResult> Splits { get; init; }
}
