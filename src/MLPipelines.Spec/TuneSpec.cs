using MLPipelines.Tuning.Search;

namespace MLPipelines.Spec;

/// <summary>A model's <c>tune:</c>: its tuning settings and its own search space (null = the trainer's built-in space).</summary>
public sealed record TuneSpec(TuningSpec Settings, SearchSpace? Space);
