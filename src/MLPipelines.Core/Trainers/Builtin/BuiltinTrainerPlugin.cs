using Microsoft.ML;
using MLPipelines.Results;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// Shared shape of the ML.NET-backed plugins: one options class, no cross-option rules by default, and one factory
/// method per task.
/// </summary>
internal abstract class BuiltinTrainerPlugin<TOptions> : TrainerPlugin<TOptions>
    where TOptions : class, new()
{
    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(TrainerContext context, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!Tasks.Contains(context.Task))
        {
            throw new ArgumentException($"Trainer '{Name}' does not support {context.Task} tasks.", nameof(context));
        }

        return context.Task switch
        {
            TaskKind.Binary => CreateBinary(context, options),
            TaskKind.Multiclass => CreateMulticlass(context, options),
            _ => CreateRegression(context, options),
        };
    }

    /// <summary>Estimator whose output has <c>Score</c>, <c>Probability</c> and <c>PredictedLabel</c> (bool).</summary>
    internal abstract IEstimator<ITransformer> CreateBinary(TrainerContext context, TOptions options);

    /// <summary>Estimator whose output has a <c>Score</c> vector and a key <c>PredictedLabel</c>.</summary>
    internal abstract IEstimator<ITransformer> CreateMulticlass(TrainerContext context, TOptions options);

    /// <summary>Estimator whose output has a scalar <c>Score</c>.</summary>
    internal virtual IEstimator<ITransformer> CreateRegression(TrainerContext context, TOptions options) =>
        throw new NotSupportedException($"Trainer '{Name}' does not support regression.");
}
