using MLPipelines.Tuning.Search;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// The spaces <c>tune: true</c> searches for the ML.NET trainers, each range with its source. TabArena (Erickson et
/// al. 2025, autogluon/tabarena <c>models/*/hpo.py</c>) is the main source; where our trainer differs from the one it
/// tuned (no early stopping, ML.NET's own regularization scales) the range is moved and the reason given.
/// </summary>
internal static class BuiltinSearchSpaces
{
    public static SearchSpace LightGbm { get; } = new([
        Dim("iterations", new IntLogUniformDistribution(50, 1000),
            "TabArena boosts up to 10,000 rounds with early stopping; we have no early stopping, so the rounds are searched, on a log scale because their effect multiplies with learning_rate (LightGBM docs, Parameters Tuning: small learning_rate with more rounds). Successive halving scales this option."),
        Dim("learning_rate", new LogUniformDistribution(0.01, 0.3),
            "TabArena searches [0.005, 0.1] with up to 10,000 rounds; with at most 1,000 rounds the range moves up so slow rates can still fit."),
        Dim("num_leaves", new IntLogUniformDistribution(2, 200), "TabArena's range."),
        Dim("min_data_in_leaf", new IntLogUniformDistribution(1, 64), "TabArena's range."),
        Dim("feature_fraction", new UniformDistribution(0.4, 1.0), "TabArena's range."),
        Dim("bagging_fraction", new UniformDistribution(0.7, 1.0), "TabArena's range (bagging every round, as TabArena's bagging_freq 1)."),
        Dim("l1", new UniformDistribution(1e-4, 1.0), "TabArena's lambda_l1 range."),
        Dim("l2", new UniformDistribution(1e-4, 2.0), "TabArena's lambda_l2 range."),
    ]);

    public static SearchSpace FastTree { get; } = new([
        Dim("trees", new IntLogUniformDistribution(50, 1000), "As LightGBM's iterations (the same kind of model; no early stopping). Successive halving scales this option."),
        Dim("learning_rate", new LogUniformDistribution(0.01, 0.3), "As LightGBM's. ML.NET AutoML's FastTree space is far wider (down to 2e-10) because its cost-frugal search starts cheap; random search needs a range where most draws are sensible."),
        Dim("num_leaves", new IntLogUniformDistribution(2, 128), "TabArena's LightGBM range, capped at 128 (FastTree's trees are slower to grow than LightGBM's)."),
        Dim("min_data_in_leaf", new IntLogUniformDistribution(1, 64), "TabArena's LightGBM range."),
        Dim("feature_fraction", new UniformDistribution(0.4, 1.0), "TabArena's LightGBM range."),
    ]);

    public static SearchSpace FastForest { get; } = new([
        Dim("num_leaves", new IntLogUniformDistribution(16, 4096), "A random forest wants deep trees (TabArena's scikit-learn forest grows them unlimited); ML.NET's default of 20 leaves is shallow, so the search spans shallow to deep."),
        Dim("min_data_in_leaf", new IntLogUniformDistribution(1, 64), "TabArena's LightGBM range; scikit-learn's default for forests is 1."),
        Dim("feature_fraction", new UniformDistribution(0.4, 1.0), "TabArena's max_features range."),
        Dim("bagging_fraction", new UniformDistribution(0.5, 1.0), "TabArena's max_samples range."),
    ]);

    public static SearchSpace Sdca { get; } = new([
        Dim("l2", new LogUniformDistribution(1e-6, 0.1),
            "SDCA's loss is a mean over rows, so its L2 weight is 1 / (C n) in scikit-learn's terms; TabArena's linear model searches C in [0.1, 1000], which is [1e-7, 1e-2] for 1,000-100,000 rows; widened to 0.1 so small tables can regularize more."),
        Dim("l1", new LogUniformDistribution(1e-6, 0.1), "On the same scale as l2 (TabArena searches L1 and L2 penalties)."),
    ]);

    public static SearchSpace Lbfgs { get; } = new([
        Dim("l2", new LogUniformDistribution(1e-3, 10),
            "L-BFGS sums its loss over rows, so its L2 weight is 1 / C in scikit-learn's terms: TabArena's C in [0.1, 1000] (default 1, ours 1). ML.NET AutoML searches [0.03, 32768], mostly heavy regularization."),
        Dim("l1", new LogUniformDistribution(1e-3, 10), "On the same scale as l2."),
    ]);

    private static SearchDimension Dim(string name, SearchDistribution distribution, string source) => new(name, distribution) { Source = source };
}
