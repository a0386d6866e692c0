using MLPipelines.Tuning.Ensembles;
using MLPipelines.Tuning.Trials;

namespace MLPipelines.Core.Tuning;

/// <summary>A finished trial as kept in the run folder: its record and (unless it failed) its predictions.</summary>
internal sealed record StoredTrial(TrialRecord Record, PredictionSet? Validation, PredictionSet? Test);
