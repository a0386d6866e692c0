using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: fastforest</c>: ML.NET's random forest. Binary forests output an uncalibrated score, so a Platt
/// calibrator fitted on the same training rows adds <c>Probability</c>; multiclass is one-versus-all over binary
/// forests (Platt-calibrated, normalized); regression averages the trees. Defaults are ML.NET's (100 trees,
/// 20 leaves, 10 rows per leaf, 70% of features and rows per tree).
/// </summary>
internal sealed class FastForestTrainerPlugin : BuiltinTrainerPlugin
{
    private static readonly OptionDescriptor[] Descriptors =
    [
        new("trees", OptionKind.Int, 100L, "Trees in the forest (for multiclass: per one-versus-all model).") { Min = 1, Max = 100_000 },
        new("num_leaves", OptionKind.Int, 20L, "Most leaves per tree.") { Min = 2, Max = 131_072 },
        new("min_data_in_leaf", OptionKind.Int, 10L, "Fewest training rows in a leaf.") { Min = 1, Max = 1_000_000 },
        new("max_bin", OptionKind.Int, 255L, "Most histogram bins per feature.") { Min = 2, Max = 65_535 },
        new("feature_fraction", OptionKind.Float, 0.7, "Fraction of features sampled for each tree.") { Min = 0, MinExclusive = true, Max = 1 },
        new("bagging_fraction", OptionKind.Float, 0.7, "Fraction of rows sampled (with replacement) for each tree.") { Min = 0, MinExclusive = true, Max = 1 },
        ThreadsOption(null, "Worker threads; null = all cores."),
    ];

    public override string Name => "fastforest";

    public override string Description => "Random forest (ML.NET FastForest); calibrated probabilities for classification.";

    public override string Family => "forest";

    public override IReadOnlyList<OptionDescriptor> Options => Descriptors;

    /// <inheritdoc />
    public override MLPipelines.Tuning.Search.SearchSpace DefaultSearchSpace => BuiltinSearchSpaces.FastForest;

    /// <inheritdoc />
    public override string ResourceOption => "trees";

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, BuiltinOptionReader options) =>
        context.MLContext.BinaryClassification.Trainers.FastForest(BinaryOptions(context, options))
            .Append(context.MLContext.BinaryClassification.Calibrators.Platt(labelColumnName: context.LabelColumn));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, BuiltinOptionReader options) =>
        context.MLContext.MulticlassClassification.Trainers.OneVersusAll(
            context.MLContext.BinaryClassification.Trainers.FastForest(BinaryOptions(context, options)),
            labelColumnName: context.LabelColumn,
            useProbabilities: true);

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, BuiltinOptionReader options) =>
        context.MLContext.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfTrees = options.Int("trees"),
            NumberOfLeaves = options.Int("num_leaves"),
            MinimumExampleCountPerLeaf = options.Int("min_data_in_leaf"),
            MaximumBinCountPerFeature = options.Int("max_bin"),
            FeatureFraction = options.Float("feature_fraction"),
            BaggingExampleFraction = options.Float("bagging_fraction"),
            NumberOfThreads = options.NullableInt("threads"),
            Seed = context.Seed,
            FeatureSelectionSeed = context.Seed,
        });

    private static FastForestBinaryTrainer.Options BinaryOptions(TrainerContext context, BuiltinOptionReader options) => new()
    {
        LabelColumnName = context.LabelColumn,
        FeatureColumnName = context.FeatureColumn,
        NumberOfTrees = options.Int("trees"),
        NumberOfLeaves = options.Int("num_leaves"),
        MinimumExampleCountPerLeaf = options.Int("min_data_in_leaf"),
        MaximumBinCountPerFeature = options.Int("max_bin"),
        FeatureFraction = options.Float("feature_fraction"),
        BaggingExampleFraction = options.Float("bagging_fraction"),
        NumberOfThreads = options.NullableInt("threads"),
        Seed = context.Seed,
        FeatureSelectionSeed = context.Seed,
    };
}
