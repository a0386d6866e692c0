using MLPipelines.Core.Evaluation;
using MLPipelines.Data;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tuning;

/// <summary>Scores predictions of known rows on the run's primary metric, with the same metric code as the outer splits.</summary>
internal sealed class InnerScorer(LabelInfo label, string metric)
{
    public string Metric => metric;

    /// <summary>The primary metric of <paramref name="predictions"/> for dataset rows <paramref name="rows"/>.</summary>
    public double Score(PredictionSet predictions, IReadOnlyList<int> rows) => Rows(predictions).Metrics(label, rows)[metric];

    /// <summary>The predictions as scored rows (probabilities averaged by a bag or an ensemble).</summary>
    public ScoredRows Rows(PredictionSet predictions) => ScoredRows.FromPredictions(label.Task, predictions, label.Transform);
}
