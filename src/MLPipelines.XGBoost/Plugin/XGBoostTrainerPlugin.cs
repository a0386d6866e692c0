using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.XGBoost.Native;

namespace MLPipelines.XGBoost.Plugin;

/// <summary>
/// <c>trainer: xgboost</c>: <see cref="XGBoostTrainer"/> in pipelines. When XGBoost's library cannot be loaded, the
/// spec is rejected when it is read (<see cref="Unavailable"/> gives the install hint, reported at the model's
/// <c>trainer</c>), so a run never starts and every other trainer keeps working.
/// </summary>
public sealed class XGBoostTrainerPlugin : TrainerPlugin<XGBoostOptions>
{
    /// <inheritdoc />
    public override string Name => "xgboost";

    /// <inheritdoc />
    public override string Description => "Gradient-boosted trees (XGBoost's own C library): XGBoost's parameters and defaults, missing values by learned default directions.";

    /// <inheritdoc />
    public override string Family => "boosted_trees";

    /// <inheritdoc />
    public override IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression];

    /// <inheritdoc />
    public override string? Unavailable => XGBoostLibrary.Probe().Problem;

    /// <inheritdoc />
    /// <remarks>Fit copies the rows into the DMatrix in one pass (<c>XGBoostTrainingData.Read</c>).</remarks>
    public override bool ReadsTrainingRowsOnce => true;

    /// <inheritdoc />
    protected override IEnumerable<(string Option, string Message)> Validate(XGBoostOptions options, TaskKind? task) =>
        XGBoostOptionsValidator.Errors(options);

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(TrainerContext context, XGBoostOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var bound = options.Clone();
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
