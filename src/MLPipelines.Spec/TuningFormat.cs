namespace MLPipelines.Spec;

/// <summary>
/// The keys of the <c>tuning:</c> section and of a model's <c>tune:</c> key: the description the readers validate
/// against and the JSON Schema and FORMAT.md are generated from.
/// </summary>
public static class TuningFormat
{
    /// <summary>Trials per model and outer split when a budget gives neither seconds nor trials.</summary>
    public const int DefaultTrials = 20;

    /// <summary>Kinds of a search distribution, as written in <c>tune.space</c>.</summary>
    public static IReadOnlyList<string> DistributionKinds { get; } = ["uniform", "log_uniform", "int_uniform", "int_log_uniform", "choice"];

    /// <summary>The keys shared by <c>tuning:</c> and <c>tune:</c> (where each written one replaces the run's).</summary>
    public static IReadOnlyList<SpecKey> Keys { get; } =
    [
        new("budget", SpecValueKind.Section, null,
            $"What one model may spend on one outer split, the same for every tuned model; neither limit given: {DefaultTrials} trials.")
        {
            Children =
            [
                new("seconds", SpecValueKind.Float, null,
                    "Wall-clock seconds per model and outer split (feature preparation, trials, ensemble); no trial starts once they are spent, so a search ends within one trial of them.")
                {
                    Nullable = true,
                    Min = 0,
                    MinExclusive = true,
                    Max = 10_000_000,
                },
                new("trials", SpecValueKind.Int, null,
                    "Trials per model and outer split, the defaults' trial included (successive halving: configurations drawn); with seconds too, whichever runs out first.")
                {
                    Nullable = true,
                    Min = 1,
                    Max = 100_000,
                },
            ],
        },
        new("inner", SpecValueKind.Section, null, "How each outer training set is split to score configurations (the outer test rows are never used).")
        {
            Children =
            [
                new("method", SpecValueKind.Enum, "kfold",
                    "kfold: every configuration is trained on each inner fold; the inner models' averaged predictions score the outer test rows (a bag, no refit). holdout: one inner split.")
                {
                    Allowed = ["kfold", "holdout"],
                },
                new("folds", SpecValueKind.Int, 5L, "k of the inner k-fold. Only with method: kfold.")
                {
                    Min = 2,
                    Max = 20,
                    OnlyWhenKey = "method",
                    OnlyWhenValues = ["kfold"],
                },
                new("test_fraction", SpecValueKind.Float, 0.2, "Share of the outer training rows held out. Only with method: holdout.")
                {
                    Min = 0,
                    Max = 1,
                    MinExclusive = true,
                    MaxExclusive = true,
                    OnlyWhenKey = "method",
                    OnlyWhenValues = ["holdout"],
                },
            ],
        },
        new("strategy", SpecValueKind.Enum, "random",
            "random: the defaults, then independent draws from the space. successive_halving: brackets of 9 draws trained with 1/9 of the resource (boosting rounds or epochs); the best third goes on with 1/3, the best of those with all of it.")
        {
            Allowed = ["random", "successive_halving"],
        },
        new("ensemble", SpecValueKind.Section, null, "The :ensembled variant: greedy ensemble selection (Caruana et al. 2004) over every trial's inner out-of-fold predictions.")
        {
            Children =
            [
                new("size", SpecValueKind.Int, 25L, "Rounds of selection with replacement (the best round is kept); weights = times chosen / rounds.")
                {
                    Min = 1,
                    Max = 1000,
                },
            ],
        },
        new("selection", SpecValueKind.Enum, "one_se",
            "Which variant :tuned and :ensembled keep. one_se: the best configuration replaces the defaults, and the ensemble replaces the tuned configuration, only when the paired inner gain (each choice made on the other inner folds and scored on the fold it did not see) exceeds one standard error (Breiman's 1-SE rule); otherwise the simpler variant stays. best: always the best inner score (optimistic: it chases inner noise).")
        {
            Allowed = ["one_se", "best"],
        },
        new("parallel", SpecValueKind.Section, null, "Trials trained at once; trials x threads should not exceed the cores.")
        {
            Children =
            [
                new("trials", SpecValueKind.Int, null, "Trials at once; null = automatic (1 for LightGBM, whose native fits run one at a time; else the cores).")
                {
                    Nullable = true,
                    Min = 1,
                    Max = 256,
                },
                new("threads", SpecValueKind.Int, null, "The trainer's threads in each trial when its options leave threads automatic; null = cores / trials.")
                {
                    Nullable = true,
                    Min = 1,
                    Max = 1024,
                },
            ],
        },
    ];

    /// <summary>The <c>tuning:</c> section.</summary>
    public static SpecKey Section { get; } = new("tuning", SpecValueKind.Section, null,
        "How models with tune are searched: budget per model and outer split, inner splits, strategy, ensemble, selection, parallel trials. A model's tune mapping may replace any of these keys for itself.")
    {
        Children = Keys,
    };

    /// <summary>The <c>space</c> key of <c>tune:</c>.</summary>
    public static SpecKey Space { get; } = new("space", SpecValueKind.SearchSpace, null,
        "The options to search, replacing the trainer's built-in space: option: {uniform: [low, high]} | {log_uniform: [low, high]} | {int_uniform: [low, high]} | {int_log_uniform: [low, high]} | {choice: [values]}; bounds and choices must lie in the option's range.");

    /// <summary>The keys of a <c>tune:</c> mapping.</summary>
    public static IReadOnlyList<SpecKey> TuneKeys { get; } = [Space, .. Keys];
}
