using MLPipelines.Core.Trainers;
using MLPipelines.Spec;

namespace MLPipelines.Trainers.Cnn;

/// <summary>What a pipeline run adds to a fit (the catalog path uses the defaults).</summary>
internal sealed class CnnFitHooks
{
    /// <summary>Seed when <see cref="CnnOptions.Seed"/> is null; null = drawn from the MLContext.</summary>
    public int? Seed { get; init; }

    /// <summary>The image shape the pipeline knows (<c>[C, H, W]</c>); null = from the options or the vector length.</summary>
    public IReadOnlyList<int>? ImageShape { get; init; }

    /// <summary>Receives the learning curve and notes.</summary>
    public TrainingLog? Log { get; init; }

    public CancellationToken Cancellation { get; init; }
}
