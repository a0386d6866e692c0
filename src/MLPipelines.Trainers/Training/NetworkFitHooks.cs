using MLPipelines.Core.Trainers;

namespace MLPipelines.Trainers.Training;

/// <summary>What a pipeline run adds to a fit of the MLP or the CNN (the catalog path uses the defaults).</summary>
internal sealed class NetworkFitHooks
{
    /// <summary>Seed when the options' seed is null; null = drawn from the MLContext.</summary>
    public int? Seed { get; init; }

    /// <summary>MLP: the pipeline already normalized the numeric features (input_scaling auto then does nothing).</summary>
    public bool FeaturesNormalized { get; init; }

    /// <summary>CNN: the image shape the pipeline knows (<c>[C, H, W]</c>); null = from the options or the vector length.</summary>
    public IReadOnlyList<int>? ImageShape { get; init; }

    /// <summary>Receives the learning curve and notes.</summary>
    public TrainingLog? Log { get; init; }

    public CancellationToken Cancellation { get; init; }
}
