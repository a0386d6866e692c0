using System.Globalization;
using MLPipelines.Results;

namespace MLPipelines.Reports.Inputs;

/// <summary>
/// One model's out-of-fold predictions restricted to the first repeat, so every row of the data appears at most
/// once (with repeated k-fold each repeat predicts every row again; counting them all would inflate a confusion
/// matrix past the data's size). Arrays are aligned.
/// </summary>
public sealed class PredictionSample
{
    private PredictionSample(ModelResult model, ModelPredictions predictions, int[] rows)
    {
        Model = model;
        Classes = predictions.Classes;
        Actual = [.. rows.Select(i => predictions.Actual[i])];
        Predicted = [.. rows.Select(i => predictions.Predicted[i])];
        Probability = predictions.Probability is { } p ? [.. rows.Select(i => (double)p[i])] : null;
        Score = predictions.Score is { } s ? [.. rows.Select(i => (double)s[i])] : null;
        ClassProbabilities = predictions.ClassProbabilities is { } c ? [.. rows.Select(i => c[i])] : null;
    }

    public ModelResult Model { get; }

    /// <summary>Class names of <see cref="ClassProbabilities"/> (multiclass), in file order.</summary>
    public IReadOnlyList<string> Classes { get; }

    public string[] Actual { get; }

    public string[] Predicted { get; }

    /// <summary>Binary: P(positive class).</summary>
    public double[]? Probability { get; }

    /// <summary>Binary margin, or the regression output on the model's scale.</summary>
    public double[]? Score { get; }

    /// <summary>Multiclass: per row, the probability of each class of <see cref="Classes"/>.</summary>
    public float[][]? ClassProbabilities { get; }

    public int Count => Actual.Length;

    /// <summary>
    /// Regression: actual and predicted values on the metrics' scale, aligned; the log of the file's values with a
    /// log-transformed label (the predicted log is the model's score when present), the file's values otherwise.
    /// Unparsable cells are NaN.
    /// </summary>
    public (double[] Actual, double[] Predicted) RegressionValues(bool log)
    {
        double[] actual = [.. Actual.Select(Parse)];
        if (log)
        {
            return ([.. actual.Select(a => Math.Log(a))], Score ?? [.. Predicted.Select(p => Math.Log(Parse(p)))]);
        }

        return (actual, [.. Predicted.Select(Parse)]);
    }

    private static double Parse(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;

    /// <summary>The rows of <paramref name="predictions"/> scored in the first repeat.</summary>
    public static PredictionSample FirstRepeat(ModelResult model, ModelPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(predictions);
        var first = predictions.Count == 0 ? 0 : predictions.Repeat.Min();
        return new PredictionSample(model, predictions, [.. Enumerable.Range(0, predictions.Count).Where(i => predictions.Repeat[i] == first)]);
    }
}
