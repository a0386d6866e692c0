using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>The options of <c>trainer: fasttree</c>. Defaults are ML.NET's (100 trees, learning rate 0.2, 20 leaves, 10 rows per leaf).</summary>
public sealed class FastTreeOptions
{
    [Option("trees", "Boosting rounds (for multiclass: per one-versus-all model).", Min = 1, Max = 100_000, Scale = OptionScale.Log, Resource = true)]
    public int Trees { get; set; } = 100;

    [Option("learning_rate", "Shrinkage applied to each tree's output.", Min = 0, MinExclusive = true, Max = 1, Scale = OptionScale.Log)]
    public double LearningRate { get; set; } = 0.2;

    [Option("num_leaves", "Most leaves per tree.", Min = 2, Max = 131_072, Scale = OptionScale.Log)]
    public int NumLeaves { get; set; } = 20;

    [Option("min_data_in_leaf", "Fewest training rows in a leaf.", Min = 1, Max = 1_000_000, Scale = OptionScale.Log)]
    public int MinDataInLeaf { get; set; } = 10;

    [Option("max_bin", "Most histogram bins per feature.", Min = 2, Max = 65_535, Scale = OptionScale.Log)]
    public int MaxBin { get; set; } = 255;

    [Option("feature_fraction", "Fraction of features sampled for each tree.", Min = 0, MinExclusive = true, Max = 1)]
    public double FeatureFraction { get; set; } = 1.0;

    [Option("threads", "Worker threads; null = all cores.", Min = 1, Max = 1024)]
    public int? Threads { get; set; }
}
