using Microsoft.ML;
using Microsoft.ML.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: sdca</c>: linear models trained by stochastic dual coordinate ascent. Binary: logistic regression
/// (<c>Probability</c> = sigmoid of the score); multiclass: maximum entropy (softmax); regression: least squares.
/// Linear models need comparable feature scales, so when the model's preprocessing has no <c>normalize</c> step the
/// trainer standardizes the feature vector itself ((x - mean) / std, fitted on the training rows). Runs single-threaded by
/// default because multi-threaded SDCA is not reproducible.
/// </summary>
internal sealed class SdcaTrainerPlugin : BuiltinTrainerPlugin
{
    private static readonly OptionDescriptor[] Descriptors =
    [
        new("l2", OptionKind.Float, null, "L2 regularization strength; null = chosen by ML.NET from the data size.") { Min = 0, Nullable = true },
        new("l1", OptionKind.Float, null, "L1 regularization strength (soft threshold); null = chosen by ML.NET.") { Min = 0, Nullable = true },
        new("max_iterations", OptionKind.Int, 100L, "Most passes over the data (ML.NET's automatic choice, null, can mean tens of seconds on a few hundred rows).") { Min = 1, Max = 100_000, Nullable = true },
        new("convergence_tolerance", OptionKind.Float, null, "Stop when the relative duality gap falls below this; null = ML.NET's default (0.1 for classification, 0.01 for regression).") { Min = 0, MinExclusive = true, Max = 1, Nullable = true },
        ThreadsOption(1L, "Worker threads; more than 1 is faster but not reproducible; null = all cores."),
    ];

    public override string Name => "sdca";

    public override string Description => "Linear baseline (SDCA): logistic / maximum-entropy / least-squares.";

    public override string Family => "linear";

    public override IReadOnlyList<OptionDescriptor> Options => Descriptors;

    /// <inheritdoc />
    public override MLPipelines.Tuning.Search.SearchSpace DefaultSearchSpace => BuiltinSearchSpaces.Sdca;

    /// <summary>ML.NET's own defaults: regression needs the tighter gap to converge.</summary>
    private static float DefaultTolerance(TaskKind task) => task == TaskKind.Regression ? 0.01f : 0.1f;

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, BuiltinOptionReader options) =>
        LinearScaling.Prepend(context, context.MLContext.BinaryClassification.Trainers.SdcaLogisticRegression(
            new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float?)options.NullableFloat("l2"),
                L1Regularization = (float?)options.NullableFloat("l1"),
                MaximumNumberOfIterations = options.NullableInt("max_iterations"),
                ConvergenceTolerance = (float?)options.NullableFloat("convergence_tolerance") ?? DefaultTolerance(context.Task),
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
                ConvergenceTolerance = (float?)options.NullableFloat("convergence_tolerance") ?? DefaultTolerance(context.Task),
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
                ConvergenceTolerance = (float?)options.NullableFloat("convergence_tolerance") ?? DefaultTolerance(context.Task),
                NumberOfThreads = options.NullableInt("threads"),
            }));
}
