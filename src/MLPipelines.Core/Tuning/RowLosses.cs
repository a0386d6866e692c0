using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Per-row losses of the metrics that are a mean over rows (or a monotone function of one), so two predictions of
/// the same rows can be compared row by row: accuracy -> error (0/1, the class ScoredRows predicts), log_loss ->
/// the row's log loss, mae -> absolute error, rmse and r2 -> squared error (rmse is sqrt(mean), r2 is 1 - sse/sst
/// with sst fixed by the rows). Other metrics (auc, f1, auprc, macro_accuracy) have no per-row loss: null.
/// </summary>
internal static class RowLosses
{
    /// <summary>Name of the per-row loss of <paramref name="metric"/>, or null when it has none.</summary>
    public static string? Statistic(string metric) => metric switch
    {
        "accuracy" => "error",
        "log_loss" => "log_loss",
        "mae" => "absolute_error",
        "rmse" or "r2" => "squared_error",
        _ => null,
    };

    /// <summary>The loss of each row (lower is better); <paramref name="rows"/> are the dataset rows of the predictions.</summary>
    public static double[] Compute(string metric, LabelInfo label, PredictionSet predictions, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(rows);
        var values = predictions.Values;
        var width = predictions.Width;
        var losses = new double[rows.Count];
        for (var i = 0; i < losses.Length; i++)
        {
            var r = rows[i];
            losses[i] = (Statistic(metric), label.Task) switch
            {
                ("error", TaskKind.Binary) => (values[i] >= 0.5f) == (label.ClassIndex[r] == 1) ? 0 : 1,
                ("error", TaskKind.Multiclass) => ArgMax(values.AsSpan(i * width, width)) == label.ClassIndex[r] ? 0 : 1,
                ("log_loss", TaskKind.Binary) => BinaryLogLoss(values[i], label.ClassIndex[r] == 1),
                ("log_loss", TaskKind.Multiclass) => -Math.Log(Math.Clamp(double.IsNaN(values[i * width + label.ClassIndex[r]]) ? 0 : values[i * width + label.ClassIndex[r]], Evaluation.BinaryMetrics.Epsilon, 1)),
                ("absolute_error", TaskKind.Regression) => Math.Abs((double)label.Values[r] - values[i]),
                ("squared_error", TaskKind.Regression) => Square((double)label.Values[r] - values[i]),
                _ => throw new InvalidOperationException($"Metric '{metric}' has no per-row loss for a {label.Task} task."),
            };
        }

        return losses;
    }

    private static double BinaryLogLoss(float probability, bool positive)
    {
        var p = Math.Clamp(double.IsNaN(probability) ? 0.5 : probability, Evaluation.BinaryMetrics.Epsilon, 1 - Evaluation.BinaryMetrics.Epsilon);
        return positive ? -Math.Log(p) : -Math.Log(1 - p);
    }

    /// <summary>The most probable class, the first on ties (as <see cref="Evaluation.ScoredRows.FromPredictions"/>).</summary>
    private static int ArgMax(ReadOnlySpan<float> probabilities)
    {
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            best = probabilities[k] > probabilities[best] ? k : best;
        }

        return best;
    }

    private static double Square(double x) => x * x;
}
