using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: lightgbm</c>: gradient-boosted decision trees (LightGBM through ML.NET). Binary uses the logistic
/// objective (<c>Probability</c> = sigmoid of the raw score), multiclass the native softmax objective (one tree per
/// class and round), regression squared error. Missing values (NaN) are handled natively by LightGBM. Options:
/// <see cref="LightGbmOptions"/>.
/// </summary>
internal sealed class LightGbmTrainerPlugin : BuiltinTrainerPlugin<LightGbmOptions>
{
    public override string Name => "lightgbm";

    public override string Description => "Gradient-boosted trees (LightGBM): native multiclass, handles missing values.";

    public override string Family => "boosted_trees";

    /// <inheritdoc />
    /// <remarks>ML.NET's LightGBM trainer bins the rows into LightGBM's own dataset (a pass for the labels, a sample for the bins, a pass to push the rows).</remarks>
    public override bool ReadsTrainingRowsOnce => true;

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, LightGbmOptions o) =>
        Gated(context.MLContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfIterations = o.Iterations,
            LearningRate = o.LearningRate,
            NumberOfLeaves = o.NumLeaves,
            MinimumExampleCountPerLeaf = o.MinDataInLeaf,
            MaximumBinCountPerFeature = o.MaxBin,
            Booster = Booster(o),
            NumberOfThreads = o.Threads,
            Seed = context.Seed,
            Deterministic = true,
            Silent = true,
        }));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, LightGbmOptions o) =>
        Gated(context.MLContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            UseSoftmax = true,
            NumberOfIterations = o.Iterations,
            LearningRate = o.LearningRate,
            NumberOfLeaves = o.NumLeaves,
            MinimumExampleCountPerLeaf = o.MinDataInLeaf,
            MaximumBinCountPerFeature = o.MaxBin,
            Booster = Booster(o),
            NumberOfThreads = o.Threads,
            Seed = context.Seed,
            Deterministic = true,
            Silent = true,
        }));

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, LightGbmOptions o) =>
        Gated(context.MLContext.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = context.LabelColumn,
            FeatureColumnName = context.FeatureColumn,
            NumberOfIterations = o.Iterations,
            LearningRate = o.LearningRate,
            NumberOfLeaves = o.NumLeaves,
            MinimumExampleCountPerLeaf = o.MinDataInLeaf,
            MaximumBinCountPerFeature = o.MaxBin,
            Booster = Booster(o),
            NumberOfThreads = o.Threads,
            Seed = context.Seed,
            Deterministic = true,
            Silent = true,
        }));

    private static NativeFitGate Gated(IEstimator<ITransformer> estimator) => new(estimator, NativeFitGate.LightGbm);

    private static GradientBooster.Options Booster(LightGbmOptions o) => new()
    {
        FeatureFraction = o.FeatureFraction,
        SubsampleFraction = o.BaggingFraction,

        // LightGBM only bags when the frequency is positive; bag every round when a fraction is asked for.
        SubsampleFrequency = o.BaggingFraction < 1 ? 1 : 0,
        L1Regularization = o.L1,
        L2Regularization = o.L2,
        MinimumSplitGain = o.MinGainToSplit,
    };
}
