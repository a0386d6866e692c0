using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: fasttree</c>: ML.NET's own gradient-boosted trees (MART). Binary is calibrated (Platt) so it has a
/// <c>Probability</c>; multiclass is one-versus-all over binary FastTree models with probabilities normalized to
/// sum to 1 (ML.NET has no native multiclass FastTree); regression uses squared error. Defaults are ML.NET's
/// (100 trees, learning rate 0.2, 20 leaves, 10 rows per leaf).
/// </summary>
internal sealed class FastTreeTrainerPlugin : BuiltinTrainerPlugin
{
    private static readonly OptionDescriptor[] Descriptors =
    [
        new("trees", OptionKind.Int, 100L, "Boosting rounds (for multiclass: per one-versus-all model).") { Min = 1, Max = 100_000 },
        new("learning_rate", OptionKind.Float, 0.2, "Shrinkage applied to each tree's output.") { Min = 0, MinExclusive = true, Max = 1 },
        new("num_leaves", OptionKind.Int, 20L, "Most leaves per tree.") { Min = 2, Max = 131_072 },
        new("min_data_in_leaf", OptionKind.Int, 10L, "Fewest training rows in a leaf.") { Min = 1, Max = 1_000_000 },
        new("max_bin", OptionKind.Int, 255L, "Most histogram bins per feature.") { Min = 2, Max = 65_535 },
        new("feature_fraction", OptionKind.Float, 1.0, "Fraction of features sampled for each tree.") { Min = 0, MinExclusive = true, Max = 1 },
        ThreadsOption(null, "Worker threads; null = all cores."),
    ];

    public override string Name => "fasttree";

    public override string Description => "Gradient-boosted trees (ML.NET FastTree/MART); multiclass via one-versus-all.";

    public override string Family => "boosted_trees";

    public override IReadOnlyList<OptionDescriptor> Options => Descriptors;

    /// <inheritdoc />
    public override MLPipelines.Tuning.Search.SearchSpace DefaultSearchSpace => BuiltinSearchSpaces.FastTree;

    /// <inheritdoc />
    public override string ResourceOption => "trees";

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, BuiltinOptionReader options) =>
        context.MLContext.BinaryClassification.Trainers.FastTree(BinaryOptions(context, options));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, BuiltinOptionReader options) =>
        context.MLContext.MulticlassClassification.Trainers.OneVersusAll(
            context.MLContext.BinaryClassification.Trainers.FastTree(BinaryOptions(context, options)),
            labelColumnName: context.LabelColumn,
            useProbabilities: true);

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, BuiltinOptionReader options) =>
        context.MLContext.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfTrees = options.Int("trees"),
            LearningRate = options.Float("learning_rate"),
            NumberOfLeaves = options.Int("num_leaves"),
            MinimumExampleCountPerLeaf = options.Int("min_data_in_leaf"),
            MaximumBinCountPerFeature = options.Int("max_bin"),
            FeatureFraction = options.Float("feature_fraction"),
            NumberOfThreads = options.NullableInt("threads"),
            Seed = context.Seed,
            FeatureSelectionSeed = context.Seed,
        });

    private static FastTreeBinaryTrainer.Options BinaryOptions(TrainerContext context, BuiltinOptionReader options) => new()
    {
        LabelColumnName = context.LabelColumn,
        FeatureColumnName = context.FeatureColumn,
        NumberOfTrees = options.Int("trees"),
        LearningRate = options.Float("learning_rate"),
        NumberOfLeaves = options.Int("num_leaves"),
        MinimumExampleCountPerLeaf = options.Int("min_data_in_leaf"),
        MaximumBinCountPerFeature = options.Int("max_bin"),
        FeatureFraction = options.Float("feature_fraction"),
        NumberOfThreads = options.NullableInt("threads"),
        Seed = context.Seed,
        FeatureSelectionSeed = context.Seed,
    };
}
