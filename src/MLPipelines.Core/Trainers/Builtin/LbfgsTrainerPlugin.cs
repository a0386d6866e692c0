using Microsoft.ML;
using Microsoft.ML.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// <c>trainer: lbfgs</c>: L-BFGS logistic regression (binary) and maximum entropy (multiclass). Not offered for
/// regression: ML.NET's L-BFGS regressor is Poisson (counts only); use <c>sdca</c> for a linear regression
/// baseline. Like <c>sdca</c>, it standardizes the features itself when the preprocessing does not normalize.
/// Defaults are ML.NET's (l1 = l2 = 1, tolerance 1e-7, history 20).
/// </summary>
internal sealed class LbfgsTrainerPlugin : BuiltinTrainerPlugin
{
    private static readonly OptionDescriptor[] Descriptors =
    [
        new("l2", OptionKind.Float, 1.0, "L2 regularization weight.") { Min = 0 },
        new("l1", OptionKind.Float, 1.0, "L1 regularization weight.") { Min = 0 },
        new("optimization_tolerance", OptionKind.Float, 1e-7, "Stop when the relative loss improvement falls below this.") { Min = 0, MinExclusive = true, Max = 1 },
        new("history_size", OptionKind.Int, 20L, "Past gradients kept to approximate the Hessian.") { Min = 1, Max = 1000 },
        new("max_iterations", OptionKind.Int, null, "Most optimizer iterations; null = until converged.") { Min = 1, Max = 10_000_000, Nullable = true },
        ThreadsOption(null, "Worker threads for the gradient; null = all cores."),
    ];

    public override string Name => "lbfgs";

    public override string Description => "Linear baseline (L-BFGS): logistic regression / maximum entropy; classification only.";

    public override string Family => "linear";

    public override IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass];

    public override IReadOnlyList<OptionDescriptor> Options => Descriptors;

    /// <inheritdoc />
    public override MLPipelines.Tuning.Search.SearchSpace DefaultSearchSpace => BuiltinSearchSpaces.Lbfgs;

    internal override IEstimator<ITransformer> CreateBinary(TrainerContext context, BuiltinOptionReader options) =>
        LinearScaling.Prepend(context, context.MLContext.BinaryClassification.Trainers.LbfgsLogisticRegression(
            new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float)options.Float("l2"),
                L1Regularization = (float)options.Float("l1"),
                OptimizationTolerance = (float)options.Float("optimization_tolerance"),
                HistorySize = options.Int("history_size"),
                MaximumNumberOfIterations = options.NullableInt("max_iterations") ?? int.MaxValue,
                NumberOfThreads = options.NullableInt("threads"),
            }));

    internal override IEstimator<ITransformer> CreateMulticlass(TrainerContext context, BuiltinOptionReader options) =>
        LinearScaling.Prepend(context, context.MLContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = context.LabelColumn,
                FeatureColumnName = context.FeatureColumn,
                L2Regularization = (float)options.Float("l2"),
                L1Regularization = (float)options.Float("l1"),
                OptimizationTolerance = (float)options.Float("optimization_tolerance"),
                HistorySize = options.Int("history_size"),
                MaximumNumberOfIterations = options.NullableInt("max_iterations") ?? int.MaxValue,
                NumberOfThreads = options.NullableInt("threads"),
            }));
}
