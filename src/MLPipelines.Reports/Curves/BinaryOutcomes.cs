using MLPipelines.Reports.Inputs;

namespace MLPipelines.Reports.Curves;

/// <summary>
/// The (outcome, score) pairs behind ROC, precision-recall and reliability charts. Binary: the positive class
/// against P(positive). Multiclass: every (row, class) pair one-vs-rest (micro-average), or a single class
/// one-vs-rest; for calibration, the top-label view: the predicted class's probability against being right.
/// </summary>
public static class BinaryOutcomes
{
    /// <summary>Binary predictions: actual == <paramref name="positiveClass"/> against the probability (or the score when there is none).</summary>
    public static (bool[] Outcome, double[] Score) Binary(PredictionSample sample, string positiveClass)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var score = sample.Probability ?? sample.Score ?? throw new ArgumentException($"Model '{sample.Model.Name}' has no probability or score column.", nameof(sample));
        return ([.. sample.Actual.Select(a => a == positiveClass)], score);
    }

    /// <summary>Multiclass micro-average: one pair per row and class.</summary>
    public static (bool[] Outcome, double[] Score) Micro(PredictionSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var probabilities = sample.ClassProbabilities ?? throw new ArgumentException($"Model '{sample.Model.Name}' has no class probabilities.", nameof(sample));
        var k = sample.Classes.Count;
        var outcome = new bool[sample.Count * k];
        var score = new double[sample.Count * k];
        for (var i = 0; i < sample.Count; i++)
        {
            for (var c = 0; c < k; c++)
            {
                outcome[(i * k) + c] = sample.Actual[i] == sample.Classes[c];
                score[(i * k) + c] = probabilities[i][c];
            }
        }

        return (outcome, score);
    }

    /// <summary>Class <paramref name="classIndex"/> one-vs-rest.</summary>
    public static (bool[] Outcome, double[] Score) OneVersusRest(PredictionSample sample, int classIndex)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var probabilities = sample.ClassProbabilities ?? throw new ArgumentException($"Model '{sample.Model.Name}' has no class probabilities.", nameof(sample));
        var name = sample.Classes[classIndex];
        return ([.. sample.Actual.Select(a => a == name)], [.. probabilities.Select(p => (double)p[classIndex])]);
    }

    /// <summary>Top-label calibration: the highest class probability against the predicted label being right.</summary>
    public static (bool[] Outcome, double[] Score) TopLabel(PredictionSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var probabilities = sample.ClassProbabilities ?? throw new ArgumentException($"Model '{sample.Model.Name}' has no class probabilities.", nameof(sample));
        return ([.. Enumerable.Range(0, sample.Count).Select(i => sample.Actual[i] == sample.Predicted[i])],
            [.. probabilities.Select(p => p.Length == 0 ? double.NaN : (double)p.Max())]);
    }
}
