using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>The options of <c>trainer: fastforest</c>. Defaults are ML.NET's (100 trees, 20 leaves, 10 rows per leaf, 70% of features and rows per tree).</summary>
public sealed class FastForestOptions
{
    [Option("trees", "Trees in the forest (for multiclass: per one-versus-all model).", Min = 1, Max = 100_000, Scale = OptionScale.Log, Resource = true)]
    public int Trees { get; set; } = 100;

    [Search(SearchKind.IntLogUniform, 16, 4096, Source = "A random forest wants deep trees (TabArena's scikit-learn forest grows them unlimited); ML.NET's default of 20 leaves is shallow, so the search spans shallow to deep.")]
    [Option("num_leaves", "Most leaves per tree.", Min = 2, Max = 131_072, Scale = OptionScale.Log)]
    public int NumLeaves { get; set; } = 20;

    [Search(SearchKind.IntLogUniform, 1, 64, Source = "TabArena's LightGBM range; scikit-learn's default for forests is 1.")]
    [Option("min_data_in_leaf", "Fewest training rows in a leaf.", Min = 1, Max = 1_000_000, Scale = OptionScale.Log)]
    public int MinDataInLeaf { get; set; } = 10;

    [Option("max_bin", "Most histogram bins per feature.", Min = 2, Max = 65_535, Scale = OptionScale.Log)]
    public int MaxBin { get; set; } = 255;

    [Search(SearchKind.Uniform, 0.4, 1.0, Source = "TabArena's max_features range.")]
    [Option("feature_fraction", "Fraction of features sampled for each tree.", Min = 0, MinExclusive = true, Max = 1)]
    public double FeatureFraction { get; set; } = 0.7;

    [Search(SearchKind.Uniform, 0.5, 1.0, Source = "TabArena's max_samples range.")]
    [Option("bagging_fraction", "Fraction of rows sampled (with replacement) for each tree.", Min = 0, MinExclusive = true, Max = 1)]
    public double BaggingFraction { get; set; } = 0.7;

    [Option("threads", "Worker threads; null = all cores.", Min = 1, Max = 1024)]
    public int? Threads { get; set; }
}
