using MLPipelines.Core.Evaluation;
using MLPipelines.Results;

namespace MLPipelines.Core.Tuning;

/// <summary>The search on one outer split: its summary and the outer test rows scored by the three variants.</summary>
internal sealed record TunedSplit(TuningSplitResult Result, ScoredRows Default, ScoredRows Tuned, ScoredRows Ensembled);
