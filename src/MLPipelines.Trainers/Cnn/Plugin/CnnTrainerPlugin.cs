using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Trainers.Cnn.Plugin;

/// <summary>
/// <c>trainer: cnn</c>: the convolutional image classifier (<see cref="CnnTrainer"/>) in pipelines with
/// <c>data.kind: images</c>. Gets the image shape, the fit's seed and the learning-curve log from the runner's
/// <see cref="TrainerContext"/>; on tabular data (or pixels replaced by <c>pca</c>) it stops with a clear message.
/// </summary>
public sealed class CnnTrainerPlugin : ITrainerPlugin
{
    /// <inheritdoc />
    public string Name => "cnn";

    /// <inheritdoc />
    public string Description => "Convolutional network for images (our engine): conv + batch norm blocks, augmentation, AdamW + one-cycle.";

    /// <inheritdoc />
    public string Family => "neural";

    /// <inheritdoc />
    public bool NeedsImages => true;

    /// <inheritdoc />
    public IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Multiclass];

    /// <inheritdoc />
    public IReadOnlyList<OptionDescriptor> Options => CnnOptionDescriptors.All;

    /// <inheritdoc />
    public MLPipelines.Tuning.Search.SearchSpace DefaultSearchSpace => CnnSearchSpace.Space;

    /// <inheritdoc />
    public string ResourceOption => "epochs";

    /// <inheritdoc />
    public IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task) =>
        CnnOptionsValidator.Errors(CnnOptionDescriptors.Bind(options));

    /// <inheritdoc />
    /// <exception cref="SpecException">The data is not images (exit code 2 in the CLI).</exception>
    public IEstimator<ITransformer> CreateEstimator(TrainerContext context, IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Image is not { } image)
        {
            throw new SpecException(
                "trainer 'cnn' needs images: use it with `data.kind: images` (formats idx, folders, csv_pixels) and without a `pca` step; " +
                "for a table use trainer: mlp");
        }

        var bound = CnnOptionDescriptors.Bind(options);
        return new CnnTrainer(context.MLContext, bound, context.LabelColumn, context.FeatureColumn, new CnnFitHooks
        {
            Seed = context.Seed,
            ImageShape = [image.Channels, image.Height, image.Width],
            Log = context.Log,
            Cancellation = context.Cancellation,
        });
    }
}
