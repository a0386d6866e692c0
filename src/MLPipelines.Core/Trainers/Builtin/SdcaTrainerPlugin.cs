using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: sdca</c>: linear models trained by stochastic dual coordinate ascent. Binary: logistic regression
/// (<c>Probability</c> = sigmoid of the score); multiclass: maximum entropy (softmax); regression: least squares.
/// Linear models need comparable feature scales, so when the model's preprocessing has no <c>normalize</c> step the
/// trainer standardizes the feature vector itself (x / std, fitted on the training rows). Runs single-threaded by
/// default because multi-threaded SDCA is not reproducible.
/// </summary>
internal sealed class SdcaTrainerPlugin : BuiltinTrainerPlugin
{
    private static readonly OptionDescriptor[] Descriptors =
    [
        new("l2", OptionKind.Float, null, "L2 regularization strength; null = chosen by ML.NET from the data size.") { Min = 0, Nullable = true },
        new("l1", OptionKind.Float, null, "L1 regularization strength (soft threshold); null = chosen by ML.NET.") { Min = 0, Nullable = true },
        new("max_iterations", OptionKind.Int, null, "Most passes over the data; null = chosen by ML.NET.") { Min = 1, Max = 100_000, Nullable = true },
        new("convergence_tolerance", OptionKind.Float, 0.1, "Stop when the relative duality gap falls below this.") { Min = 0, MinExclusive = true, Max = 1 },
        ThreadsOption(1L, "Worker threads; more than 1 is faster but not reproducible; null = all cores."),
    ];

    public override string Name => "sdca";

    public override string Description => "Linear baseline (SDCA): logistic / maximum-entropy / least-squares.";

    public override string Family => "linear";

    public override IReadOnlyList<OptionDescriptor> Options => Descriptors;

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, BuiltinOptionReader options) =>
        LinearScaling.Prepend(context, context.MLContext.BinaryClassification.Trainers.SdcaLogisticRegression(
            new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float?)options.NullableFloat("l2"),
                L1Regularization = (float?)options.NullableFloat("l1"),
                MaximumNumberOfIterations = options.NullableInt("max_iterations"),
                ConvergenceTolerance = (float)options.Float("convergence_tolerance"),
                NumberOfThreads = options.NullableInt("threads"),
            }));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, BuiltinOptionReader options) =>
        LinearScaling.Prepend(context, context.MLContext.MulticlassClassification.Trainers.SdcaMaximumEntropy(
            new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float?)options.NullableFloat("l2"),
                L1Regularization = (float?)options.NullableFloat("l1"),
                MaximumNumberOfIterations = options.NullableInt("max_iterations"),
                ConvergenceTolerance = (float)options.Float("convergence_tolerance"),
                NumberOfThreads = options.NullableInt("threads"),
            }));

    internal override IEstimator<ITransformer> CreateRegression(TrainerContext context, BuiltinOptionReader options) =>
        LinearScaling.Prepend(context, context.MLContext.Regression.Trainers.Sdca(
            new SdcaRegressionTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float?)options.NullableFloat("l2"),
                L1Regularization = (float?)options.NullableFloat("l1"),
                MaximumNumberOfIterations = options.NullableInt("max_iterations"),
                ConvergenceTolerance = (float)options.Float("convergence_tolerance"),
                NumberOfThreads = options.NullableInt("threads"),
            }));
}
