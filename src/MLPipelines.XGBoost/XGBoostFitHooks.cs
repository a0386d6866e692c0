using MLPipelines.Core.Trainers;

namespace MLPipelines.XGBoost;

/// <summary>What a pipeline run adds to a fit (the catalog path uses the defaults).</summary>
internal sealed class XGBoostFitHooks
{
    /// <summary>Seed when <see cref="XGBoostOptions.Seed"/> is null; null = 0.</summary>
    public int? Seed { get; init; }

    /// <summary>Receives the fit's figures and notes.</summary>
    public TrainingLog? Log { get; init; }

    public CancellationToken Cancellation { get; init; }
}
