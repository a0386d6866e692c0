using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>The options of <c>trainer: fasttree</c>. Defaults are ML.NET's (100 trees, learning rate 0.2, 20 leaves, 10 rows per leaf).</summary>
public sealed class FastTreeOptions
{
    [Search(SearchKind.IntLogUniform, 50, 1000, Source = "As LightGBM's iterations (the same kind of model; no early stopping). Successive halving scales this option.")]
    [Option("trees", "Boosting rounds (for multiclass: per one-versus-all model).", Min = 1, Max = 100_000, Scale = OptionScale.Log, Resource = true)]
    public int Trees { get; set; } = 100;

    [Search(SearchKind.LogUniform, 0.01, 0.3, Source = "As LightGBM's. ML.NET AutoML's FastTree space is far wider (down to 2e-10) because its cost-frugal search starts cheap; random search needs a range where most draws are sensible.")]
    [Option("learning_rate", "Shrinkage applied to each tree's output.", Min = 0, MinExclusive = true, Max = 1, Scale = OptionScale.Log)]
    public double LearningRate { get; set; } = 0.2;

    [Search(SearchKind.IntLogUniform, 2, 128, Source = "TabArena's LightGBM range, capped at 128 (FastTree's trees are slower to grow than LightGBM's).")]
    [Option("num_leaves", "Most leaves per tree.", Min = 2, Max = 131_072, Scale = OptionScale.Log)]
    public int NumLeaves { get; set; } = 20;

    [Search(SearchKind.IntLogUniform, 1, 64, Source = "TabArena's LightGBM range.")]
    [Option("min_data_in_leaf", "Fewest training rows in a leaf.", Min = 1, Max = 1_000_000, Scale = OptionScale.Log)]
    public int MinDataInLeaf { get; set; } = 10;

    [Option("max_bin", "Most histogram bins per feature.", Min = 2, Max = 65_535, Scale = OptionScale.Log)]
    public int MaxBin { get; set; } = 255;

    [Search(SearchKind.Uniform, 0.4, 1.0, Source = "TabArena's LightGBM range.")]
    [Option("feature_fraction", "Fraction of features sampled for each tree.", Min = 0, MinExclusive = true, Max = 1)]
    public double FeatureFraction { get; set; } = 1.0;

    [Option("threads", "Worker threads; null = all cores.", Min = 1, Max = 1024)]
    public int? Threads { get; set; }
}
