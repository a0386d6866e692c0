using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Cnn.Plugin;

/// <summary>
/// <c>trainer: cnn</c>: the convolutional image classifier (<see cref="CnnTrainer"/>) in pipelines with
/// <c>data.kind: images</c>. Gets the image shape, the fit's seed and the learning-curve log from the runner's
/// <see cref="TrainerContext"/>; on tabular data (or pixels replaced by <c>pca</c>) it stops with a clear message.
/// </summary>
public sealed class CnnTrainerPlugin : TrainerPlugin<CnnOptions>
{
    /// <inheritdoc />
    public override string Name => "cnn";

    /// <inheritdoc />
    public override string Description => "Convolutional network for images (our engine): conv + batch norm blocks, augmentation, AdamW + one-cycle.";

    /// <inheritdoc />
    public override string Family => "neural";

    /// <inheritdoc />
    public override bool NeedsImages => true;

    /// <inheritdoc />
    public override IReadOnlyList<TaskKind> Tasks { get; } = [TaskKind.Multiclass];

    /// <inheritdoc />
    protected override IEnumerable<(string Option, string Message)> Validate(CnnOptions options, TaskKind? task) =>
        CnnOptionsValidator.Errors(options);

    /// <inheritdoc />
    /// <exception cref="SpecException">The data is not images (exit code 2 in the CLI).</exception>
    public override IEstimator<ITransformer> CreateEstimator(TrainerContext context, CnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Image is not { } image)
        {
            throw new SpecException(
                "trainer 'cnn' needs images: use it with `data.kind: images` (formats idx, folders, csv_pixels) and without a `pca` step; " +
                "for a table use trainer: mlp");
        }

        return new CnnTrainer(context.MLContext, options, context.LabelColumn, context.FeatureColumn, new NetworkFitHooks
        {
            Seed = context.Seed,
            ImageShape = [image.Channels, image.Height, image.Width],
            Log = context.Log,
            Cancellation = context.Cancellation,
        });
    }
}
