using MLPipelines.Results.Experiments;

namespace MLPipelines.Core.Experiments;

/// <summary>A finished experiment: its folder and results.</summary>
public sealed record ExperimentOutcome(string Directory, ExperimentResults Results);
