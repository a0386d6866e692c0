namespace MLPipelines.Core.Evaluation;

/// <summary>Multiclass metrics computed from out-of-fold predictions (classes are 0-based indices).</summary>
public static class MulticlassMetrics
{
    /// <summary>accuracy, macro_accuracy, log_loss.</summary>
    public static Dictionary<string, double> Compute(int[] actual, int[] predicted, float[][] probabilities)
    {
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["accuracy"] = Accuracy(actual, predicted),
            ["macro_accuracy"] = MacroAccuracy(actual, predicted),
            ["log_loss"] = LogLoss(actual, probabilities),
        };
    }

    /// <summary>Fraction of rows whose predicted class is the actual class (micro accuracy).</summary>
    public static double Accuracy(int[] actual, int[] predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        var hits = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            hits += actual[i] == predicted[i] ? 1 : 0;
        }

        return (double)hits / actual.Length;
    }

    /// <summary>Mean over the classes present in <paramref name="actual"/> of each class's recall (ML.NET's MacroAccuracy).</summary>
    public static double MacroAccuracy(int[] actual, int[] predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        var total = new Dictionary<int, int>();
        var hits = new Dictionary<int, int>();
        for (var i = 0; i < actual.Length; i++)
        {
            total[actual[i]] = total.GetValueOrDefault(actual[i]) + 1;
            if (actual[i] == predicted[i])
            {
                hits[actual[i]] = hits.GetValueOrDefault(actual[i]) + 1;
            }
        }

        return total.Average(kv => (double)hits.GetValueOrDefault(kv.Key) / kv.Value);
    }

    /// <summary>Mean of <c>-ln p(actual class)</c>, p clipped to [1e-15, 1].</summary>
    public static double LogLoss(int[] actual, float[][] probabilities)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(probabilities);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var p = probabilities[i][actual[i]];
            sum -= Math.Log(Math.Clamp(double.IsNaN(p) ? 0 : p, BinaryMetrics.Epsilon, 1));
        }

        return sum / actual.Length;
    }
}
