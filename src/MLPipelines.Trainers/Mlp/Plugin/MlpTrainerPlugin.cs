using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Trainers.Mlp.Plugin;

/// <summary>
/// <c>trainer: mlp</c>: the MLP for tables (<see cref="MlpTrainer"/>) in pipelines. Gets the fold's seed, the
/// "features already normalized" flag and the learning-curve log from the runner's <see cref="TrainerContext"/>.
/// </summary>
public sealed class MlpTrainerPlugin : ITrainerPlugin
{
    /// <inheritdoc />
    public string Name => "mlp";

    /// <inheritdoc />
    public string Description => "Multilayer perceptron for tables (our engine): robust-scaled inputs, embeddings, AdamW + cosine, best-epoch selection.";

    /// <inheritdoc />
    public string Family => "neural";

    /// <inheritdoc />
    public IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression];

    /// <inheritdoc />
    public IReadOnlyList<OptionDescriptor> Options => MlpOptionDescriptors.All;

    /// <inheritdoc />
    public MLPipelines.Tuning.Search.SearchSpace DefaultSearchSpace => MlpSearchSpace.Space;

    /// <inheritdoc />
    public string ResourceOption => "epochs";

    /// <inheritdoc />
    public IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task) =>
        MlpOptionsValidator.Errors(MlpOptionDescriptors.Bind(options), task);

    /// <inheritdoc />
    public IEstimator<ITransformer> CreateEstimator(TrainerContext context, IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bound = MlpOptionDescriptors.Bind(options);
        return new MlpTrainer(context.MLContext, context.Task, bound, context.LabelColumn, context.FeatureColumn, new MlpFitHooks
        {
            Seed = context.Seed,
            FeaturesNormalized = context.FeaturesNormalized,
            Log = context.Log,
            Cancellation = context.Cancellation,
        });
    }
}
