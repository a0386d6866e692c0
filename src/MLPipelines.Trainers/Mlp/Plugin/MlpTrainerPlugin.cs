using Microsoft.ML;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Mlp.Plugin;

/// <summary>
/// <c>trainer: mlp</c>: the MLP for tables (<see cref="MlpTrainer"/>) in pipelines; its options are
/// <see cref="MlpOptions"/>. Gets the fold's seed, the "features already normalized" flag and the learning-curve log
/// from the runner's <see cref="TrainerContext"/>.
/// </summary>
public sealed class MlpTrainerPlugin : TrainerPlugin<MlpOptions>
{
    /// <inheritdoc />
    public override string Name => "mlp";

    /// <inheritdoc />
    public override string Description => "Multilayer perceptron for tables (our engine): robust-scaled inputs, embeddings, AdamW + cosine, best-epoch selection.";

    /// <inheritdoc />
    public override string Family => "neural";

    /// <inheritdoc />
    /// <remarks>Fit copies the rows into its matrix in one pass (<c>MlpTrainingData.Read</c>).</remarks>
    public override bool ReadsTrainingRowsOnce => true;

    /// <inheritdoc />
    protected override IEnumerable<(string Option, string Message)> Validate(MlpOptions options, TaskKind? task) =>
        MlpOptionsValidator.Errors(options, task);

    /// <inheritdoc />
    public override IEstimator<ITransformer> CreateEstimator(TrainerContext context, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MlpTrainer(context.MLContext, context.Task, options, context.LabelColumn, context.FeatureColumn, new NetworkFitHooks
        {
            Seed = context.Seed,
            FeaturesNormalized = context.FeaturesNormalized,
            Log = context.Log,
            Cancellation = context.Cancellation,
        });
    }
}
