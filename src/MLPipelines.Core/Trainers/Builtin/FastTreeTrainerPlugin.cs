using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: fasttree</c>: ML.NET's own gradient-boosted trees (MART). Binary is calibrated (Platt) so it has a
/// <c>Probability</c>; multiclass is one-versus-all over binary FastTree models with probabilities normalized to
/// sum to 1 (ML.NET has no native multiclass FastTree); regression uses squared error. Defaults are ML.NET's
/// (100 trees, learning rate 0.2, 20 leaves, 10 rows per leaf).
/// </summary>
internal sealed class FastTreeTrainerPlugin : BuiltinTrainerPlugin<FastTreeOptions>
{
    public override string Name => "fasttree";

    public override string Description => "Gradient-boosted trees (ML.NET FastTree/MART); multiclass via one-versus-all.";

    public override string Family => "boosted_trees";

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, FastTreeOptions options) =>
        context.MLContext.BinaryClassification.Trainers.FastTree(BinaryOptions(context, options));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, FastTreeOptions options) =>
        context.MLContext.MulticlassClassification.Trainers.OneVersusAll(
            context.MLContext.BinaryClassification.Trainers.FastTree(BinaryOptions(context, options)),
            labelColumnName: context.LabelColumn,
            useProbabilities: true);

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, FastTreeOptions options) =>
        context.MLContext.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfTrees = options.Trees,
            LearningRate = options.LearningRate,
            NumberOfLeaves = options.NumLeaves,
            MinimumExampleCountPerLeaf = options.MinDataInLeaf,
            MaximumBinCountPerFeature = options.MaxBin,
            FeatureFraction = options.FeatureFraction,
            NumberOfThreads = options.Threads,
            Seed = context.Seed,
            FeatureSelectionSeed = context.Seed,
        });

    private static FastTreeBinaryTrainer.Options BinaryOptions(TrainerContext context, FastTreeOptions options) => new()
    {
        LabelColumnName = context.LabelColumn,
        FeatureColumnName = context.FeatureColumn,
        NumberOfTrees = options.Trees,
        LearningRate = options.LearningRate,
        NumberOfLeaves = options.NumLeaves,
        MinimumExampleCountPerLeaf = options.MinDataInLeaf,
        MaximumBinCountPerFeature = options.MaxBin,
        FeatureFraction = options.FeatureFraction,
        NumberOfThreads = options.Threads,
        Seed = context.Seed,
        FeatureSelectionSeed = context.Seed,
    };
}
