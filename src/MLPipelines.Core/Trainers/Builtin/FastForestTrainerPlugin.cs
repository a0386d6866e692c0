using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: fastforest</c>: ML.NET's random forest. Binary forests output an uncalibrated score, so a Platt
/// calibrator fitted on the same training rows adds <c>Probability</c>; multiclass is one-versus-all over binary
/// forests (Platt-calibrated, normalized); regression averages the trees. Defaults are ML.NET's (100 trees,
/// 20 leaves, 10 rows per leaf, 70% of features and rows per tree).
/// </summary>
internal sealed class FastForestTrainerPlugin : BuiltinTrainerPlugin<FastForestOptions>
{
    public override string Name => "fastforest";

    public override string Description => "Random forest (ML.NET FastForest); calibrated probabilities for classification.";

    public override string Family => "forest";

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, FastForestOptions options) =>
        context.MLContext.BinaryClassification.Trainers.FastForest(BinaryOptions(context, options))
            .Append(context.MLContext.BinaryClassification.Calibrators.Platt(labelColumnName: context.LabelColumn));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, FastForestOptions options) =>
        context.MLContext.MulticlassClassification.Trainers.OneVersusAll(
            context.MLContext.BinaryClassification.Trainers.FastForest(BinaryOptions(context, options)),
            labelColumnName: context.LabelColumn,
            useProbabilities: true);

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, FastForestOptions options) =>
        context.MLContext.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.NumLeaves,
            MinimumExampleCountPerLeaf = options.MinDataInLeaf,
            MaximumBinCountPerFeature = options.MaxBin,
            FeatureFraction = options.FeatureFraction,
            BaggingExampleFraction = options.BaggingFraction,
            NumberOfThreads = options.Threads,
            Seed = context.Seed,
            FeatureSelectionSeed = context.Seed,
        });

    private static FastForestBinaryTrainer.Options BinaryOptions(TrainerContext context, FastForestOptions options) => new()
    {
        LabelColumnName = context.LabelColumn,
        FeatureColumnName = context.FeatureColumn,
        NumberOfTrees = options.Trees,
        NumberOfLeaves = options.NumLeaves,
        MinimumExampleCountPerLeaf = options.MinDataInLeaf,
        MaximumBinCountPerFeature = options.MaxBin,
        FeatureFraction = options.FeatureFraction,
        BaggingExampleFraction = options.BaggingFraction,
        NumberOfThreads = options.Threads,
        Seed = context.Seed,
        FeatureSelectionSeed = context.Seed,
    };
}
