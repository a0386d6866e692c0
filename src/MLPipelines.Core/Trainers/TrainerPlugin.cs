using Microsoft.ML;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers;

/// <summary>
/// A trainer whose options are one class, <typeparamref name="TOptions"/>, with an <see cref="OptionAttribute"/> on
/// each option property: the descriptors (validation, JSON Schema, FORMAT.md) and the binding of YAML values come from
/// that class, so a new option is one property. Subclasses give the name, family and tasks, the cross-option rules
/// (<see cref="Validate(TOptions, TaskKind?)"/>) and the estimator.
/// </summary>
/// <typeparam name="TOptions">The options class; a fresh instance holds the defaults.</typeparam>
public abstract class TrainerPlugin<TOptions> : ITrainerPlugin
    where TOptions : class, new()
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
    public virtual bool NeedsImages => false;

    /// <inheritdoc />
    public virtual string? Unavailable => null;

    /// <inheritdoc />
    public virtual bool ReadsTrainingRowsOnce => false;

    /// <inheritdoc />
    public IReadOnlyList<OptionDescriptor> Options { get; } = OptionDeclarations.Of<TOptions>();

    /// <inheritdoc />
    public MLPipelines.Tuning.Search.SearchSpace? DefaultSearchSpace { get; } = OptionDeclarations.SearchSpaceOf(OptionDeclarations.Of<TOptions>());

    /// <inheritdoc />
    public string? ResourceOption { get; } = OptionDeclarations.ResourceOf(OptionDeclarations.Of<TOptions>());

    /// <summary>A new options object holding <paramref name="values"/> (resolved YAML values; absent keys keep their defaults).</summary>
    public TOptions Bind(IReadOnlyDictionary<string, object?> values) => OptionDeclarations.Bind<TOptions>(values);

    /// <inheritdoc />
    object ITrainerPlugin.Bind(IReadOnlyDictionary<string, object?> values) => Bind(values);

    /// <inheritdoc />
    public IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task) =>
        Validate(Bind(options), task);

    /// <summary>
    /// Rules that span options or depend on the task; each option alone was already checked against its declared
    /// range. (option, message) pairs, empty when valid; <paramref name="task"/> is null when not known yet.
    /// </summary>
    protected virtual IEnumerable<(string Option, string Message)> Validate(TOptions options, TaskKind? task) => [];

    /// <summary>Builds the estimator for one fit from resolved YAML values.</summary>
    public IEstimator<ITransformer> CreateEstimator(TrainerContext context, IReadOnlyDictionary<string, object?> values) =>
        CreateEstimator(context, Bind(values));

    /// <inheritdoc />
    IEstimator<ITransformer> ITrainerPlugin.CreateEstimator(TrainerContext context, object options) =>
        CreateEstimator(context, (TOptions)options);

    /// <summary>Builds the estimator for one fit (one fold, or the final fit on all rows).</summary>
    public abstract IEstimator<ITransformer> CreateEstimator(TrainerContext context, TOptions options);
}
