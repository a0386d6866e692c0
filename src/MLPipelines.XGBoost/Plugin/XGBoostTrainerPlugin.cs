using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;
using MLPipelines.XGBoost.Native;

namespace MLPipelines.XGBoost.Plugin;

/// <summary>
/// <c>trainer: xgboost</c>: <see cref="XGBoostTrainer"/> in pipelines. When XGBoost's library cannot be loaded, the
/// spec is rejected when it is read (<see cref="Unavailable"/> gives the install hint, reported at the model's
/// <c>trainer</c>), so a run never starts and every other trainer keeps working.
/// </summary>
public sealed class XGBoostTrainerPlugin : ITrainerPlugin
{
    /// <inheritdoc />
    public string Name => "xgboost";

    /// <inheritdoc />
    public string Description => "Gradient-boosted trees (XGBoost's own C library): XGBoost's parameters and defaults, missing values by learned default directions.";

    /// <inheritdoc />
    public string Family => "boosted_trees";

    /// <inheritdoc />
    public IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression];

    /// <inheritdoc />
    public IReadOnlyList<OptionDescriptor> Options => XGBoostOptionDescriptors.All;

    /// <inheritdoc />
    public string? Unavailable => XGBoostLibrary.Probe().Problem;

    /// <inheritdoc />
    public IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task) =>
        XGBoostOptionsValidator.Errors(XGBoostOptionDescriptors.Bind(options));

    /// <inheritdoc />
    public IEstimator<ITransformer> CreateEstimator(TrainerContext context, IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bound = XGBoostOptionDescriptors.Bind(options);
        bound.LabelColumnName = context.LabelColumn;
        bound.FeatureColumnName = context.FeatureColumn;
        return new XGBoostTrainer(context.MLContext, context.Task, bound, new XGBoostFitHooks
        {
            Seed = context.Seed,
            Log = context.Log,
            Cancellation = context.Cancellation,
        });
    }
}
