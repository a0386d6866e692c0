using Microsoft.ML;
using Microsoft.ML.Trainers;
using MLPipelines.Results;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: sdca</c>: linear models trained by stochastic dual coordinate ascent. Binary: logistic regression
/// (<c>Probability</c> = sigmoid of the score); multiclass: maximum entropy (softmax); regression: least squares.
/// Linear models need comparable feature scales, so when the model's preprocessing has no <c>normalize</c> step the
/// trainer standardizes the feature vector itself ((x - mean) / std, fitted on the training rows). Runs single-threaded by
/// default because multi-threaded SDCA is not reproducible.
/// </summary>
internal sealed class SdcaTrainerPlugin : BuiltinTrainerPlugin<SdcaOptions>
{
    public override string Name => "sdca";

    public override string Description => "Linear baseline (SDCA): logistic / maximum-entropy / least-squares.";

    public override string Family => "linear";

    /// <summary>ML.NET's own defaults: regression needs the tighter gap to converge.</summary>
    private static float DefaultTolerance(TaskKind task) => task == TaskKind.Regression ? 0.01f : 0.1f;

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, SdcaOptions options) =>
        LinearScaling.Prepend(context, context.MLContext.BinaryClassification.Trainers.SdcaLogisticRegression(
            new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float?)options.L2,
                L1Regularization = (float?)options.L1,
                MaximumNumberOfIterations = options.MaxIterations,
                ConvergenceTolerance = (float?)options.ConvergenceTolerance ?? DefaultTolerance(context.Task),
                NumberOfThreads = options.Threads,
            }));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, SdcaOptions options) =>
        LinearScaling.Prepend(context, context.MLContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float?)options.L2,
                L1Regularization = (float?)options.L1,
                MaximumNumberOfIterations = options.MaxIterations,
                ConvergenceTolerance = (float?)options.ConvergenceTolerance ?? DefaultTolerance(context.Task),
                NumberOfThreads = options.Threads,
            }));

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, SdcaOptions options) =>
        LinearScaling.Prepend(context, context.MLContext.Regression.Trainers.Sdca(
            new SdcaRegressionTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float?)options.L2,
                L1Regularization = (float?)options.L1,
                MaximumNumberOfIterations = options.MaxIterations,
                ConvergenceTolerance = (float?)options.ConvergenceTolerance ?? DefaultTolerance(context.Task),
                NumberOfThreads = options.Threads,
            }));
}
