using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>The options of <c>trainer: lightgbm</c>. Defaults are LightGBM's own (100 rounds, learning rate 0.1, 31 leaves, 20 rows per leaf).</summary>
public sealed class LightGbmOptions
{
    [Search(SearchKind.IntLogUniform, 50, 1000, Source = "TabArena boosts up to 10,000 rounds with early stopping; we have no early stopping, so the rounds are searched, on a log scale because their effect multiplies with learning_rate (LightGBM docs, Parameters Tuning: small learning_rate with more rounds). Successive halving scales this option.")]
    [Option("iterations", "Boosting rounds (for multiclass, one tree per class per round).", Min = 1, Max = 100_000, Scale = OptionScale.Log, Resource = true)]
    public int Iterations { get; set; } = 100;

    [Search(SearchKind.LogUniform, 0.01, 0.3, Source = "TabArena searches [0.005, 0.1] with up to 10,000 rounds; with at most 1,000 rounds the range moves up so slow rates can still fit.")]
    [Option("learning_rate", "Shrinkage applied to each tree's output.", Min = 0, MinExclusive = true, Max = 1, Scale = OptionScale.Log)]
    public double LearningRate { get; set; } = 0.1;

    [Search(SearchKind.IntLogUniform, 2, 200, Source = "TabArena's range.")]
    [Option("num_leaves", "Most leaves per tree (trees grow leaf-wise).", Min = 2, Max = 131_072, Scale = OptionScale.Log)]
    public int NumLeaves { get; set; } = 31;

    [Search(SearchKind.IntLogUniform, 1, 64, Source = "TabArena's range.")]
    [Option("min_data_in_leaf", "Fewest training rows in a leaf.", Min = 1, Max = 1_000_000, Scale = OptionScale.Log)]
    public int MinDataInLeaf { get; set; } = 20;

    [Option("max_bin", "Most histogram bins per feature.", Min = 2, Max = 65_535, Scale = OptionScale.Log)]
    public int MaxBin { get; set; } = 255;

    [Search(SearchKind.Uniform, 0.4, 1.0, Source = "TabArena's range.")]
    [Option("feature_fraction", "Fraction of features sampled for each tree.", Min = 0, MinExclusive = true, Max = 1)]
    public double FeatureFraction { get; set; } = 1.0;

    [Search(SearchKind.Uniform, 0.7, 1.0, Source = "TabArena's range (bagging every round, as TabArena's bagging_freq 1).")]
    [Option("bagging_fraction", "Fraction of rows sampled for each tree (bagging every round when below 1).", Min = 0, MinExclusive = true, Max = 1)]
    public double BaggingFraction { get; set; } = 1.0;

    [Search(SearchKind.Uniform, 1e-4, 1.0, Source = "TabArena's lambda_l1 range.")]
    [Option("l1", "L1 regularization of leaf values.", Min = 0)]
    public double L1 { get; set; }

    [Search(SearchKind.Uniform, 1e-4, 2.0, Source = "TabArena's lambda_l2 range.")]
    [Option("l2", "L2 regularization of leaf values.", Min = 0)]
    public double L2 { get; set; }

    [Option("min_gain_to_split", "Smallest loss reduction a split must bring.", Min = 0)]
    public double MinGainToSplit { get; set; }

    [Option("threads", "Worker threads; null = all cores.", Min = 1, Max = 1024)]
    public int? Threads { get; set; }
}
