using Microsoft.ML;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// Shared shape of the ML.NET-backed plugins: option descriptors, no cross-option rules by default, and one
/// factory method per task.
/// </summary>
internal abstract class BuiltinTrainerPlugin : ITrainerPlugin
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public abstract string Family { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression];

    /// <inheritdoc />
    public abstract IReadOnlyList<OptionDescriptor> Options { get; }

    /// <inheritdoc />
    public virtual MLPipelines.Tuning.Search.SearchSpace? DefaultSearchSpace => null;

    /// <inheritdoc />
    public virtual string? ResourceOption => null;

    /// <inheritdoc />
    public virtual IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task) => [];

    /// <inheritdoc />
    public IEstimator<ITransformer> CreateEstimator(TrainerContext context, IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!Tasks.Contains(context.Task))
        {
            throw new ArgumentException($"Trainer '{Name}' does not support {context.Task} tasks.", nameof(context));
        }

        var reader = new BuiltinOptionReader(Options, options);
        return context.Task switch
        {
            TaskKind.Binary => CreateBinary(context, reader),
            TaskKind.Multiclass => CreateMulticlass(context, reader),
            _ => CreateRegression(context, reader),
        };
    }

    /// <summary>Estimator whose output has <c>Score</c>, <c>Probability</c> and <c>PredictedLabel</c> (bool).</summary>
    internal abstract IEstimator<ITransformer> CreateBinary(TrainerContext context, BuiltinOptionReader options);

    /// <summary>Estimator whose output has a <c>Score</c> vector and a key <c>PredictedLabel</c>.</summary>
    internal abstract IEstimator<ITransformer> CreateMulticlass(TrainerContext context, BuiltinOptionReader options);

    /// <summary>Estimator whose output has a scalar <c>Score</c>.</summary>
    internal virtual IEstimator<ITransformer> CreateRegression(TrainerContext context, BuiltinOptionReader options) =>
        throw new NotSupportedException($"Trainer '{Name}' does not support regression.");

    /// <summary>The <c>threads</c> option shared by every built-in trainer.</summary>
    internal static OptionDescriptor ThreadsOption(object? defaultValue, string description) =>
        new("threads", OptionKind.Int, defaultValue, description) { Min = 1, Max = 1024, Nullable = true };
}
