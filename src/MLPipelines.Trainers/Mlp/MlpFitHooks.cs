using MLPipelines.Core.Trainers;

namespace MLPipelines.Trainers.Mlp;

/// <summary>What a pipeline run adds to a fit (the catalog path uses the defaults).</summary>
internal sealed class MlpFitHooks
{
    /// <summary>Seed when <see cref="MlpOptions.Seed"/> is null; null = drawn from the MLContext.</summary>
    public int? Seed { get; init; }

    /// <summary>The pipeline already normalized the numeric features (input_scaling auto then does nothing).</summary>
    public bool FeaturesNormalized { get; init; }

    /// <summary>Receives the learning curve and notes.</summary>
    public TrainingLog? Log { get; init; }

    public CancellationToken Cancellation { get; init; }
}
