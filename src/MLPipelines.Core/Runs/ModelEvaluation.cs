using Microsoft.ML;
using MLPipelines.Core.Evaluation;
using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>What evaluating one model gives: its results entry, every split's test predictions, and the model to save.</summary>
/// <param name="Result">The results.json entry (metrics, timings, importance).</param>
/// <param name="Scored">Each split with its test rows' predictions, in split order.</param>
/// <param name="Final">The model to save: fitted on all rows, or, for test_set, the one that was scored; null when the
/// model has no single saved form (an ensemble of tuned configurations).</param>
/// <param name="FinalContext">The context <paramref name="Final"/> was fitted in (to save it).</param>
internal sealed record ModelEvaluation(ModelResult Result, IReadOnlyList<(FoldSplit Split, ScoredRows Scored)> Scored, ITransformer? Final, MLContext? FinalContext);
