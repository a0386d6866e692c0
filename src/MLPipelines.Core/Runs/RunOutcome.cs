using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>A finished run: its folder and results.</summary>
public sealed record RunOutcome(string Directory, RunResults Results);
