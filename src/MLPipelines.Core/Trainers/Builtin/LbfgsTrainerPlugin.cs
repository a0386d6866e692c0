using Microsoft.ML;
using Microsoft.ML.Trainers;
using MLPipelines.Results;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: lbfgs</c>: L-BFGS logistic regression (binary) and maximum entropy (multiclass). Not offered for
/// regression: ML.NET's L-BFGS regressor is Poisson (counts only); use <c>sdca</c> for a linear regression
/// baseline. Like <c>sdca</c>, it standardizes the features itself when the preprocessing does not normalize.
/// Defaults are ML.NET's (l1 = l2 = 1, tolerance 1e-7, history 20).
/// </summary>
internal sealed class LbfgsTrainerPlugin : BuiltinTrainerPlugin<LbfgsOptions>
{
    public override string Name => "lbfgs";

    public override string Description => "Linear baseline (L-BFGS): logistic regression / maximum entropy; classification only.";

    public override string Family => "linear";

    public override IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass];

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, LbfgsOptions options) =>
        LinearScaling.Prepend(context, context.MLContext.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float)options.L2,
                L1Regularization = (float)options.L1,
                OptimizationTolerance = (float)options.OptimizationTolerance,
                HistorySize = options.HistorySize,
                MaximumNumberOfIterations = options.MaxIterations ?? int.MaxValue,
                NumberOfThreads = options.Threads,
            }));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, LbfgsOptions options) =>
        LinearScaling.Prepend(context, context.MLContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float)options.L2,
                L1Regularization = (float)options.L1,
                OptimizationTolerance = (float)options.OptimizationTolerance,
                HistorySize = options.HistorySize,
                MaximumNumberOfIterations = options.MaxIterations ?? int.MaxValue,
                NumberOfThreads = options.Threads,
            }));
}
