namespace MLPipelines.Core.Evaluation;

/// <summary>Binary classification metrics computed from out-of-fold predictions.</summary>
public static class BinaryMetrics
{
    /// <summary>Probabilities are clipped to [eps, 1 - eps] in log loss, as scikit-learn and ML.NET do.</summary>
    public const double Epsilon = 1e-15;

    /// <summary>auc, accuracy, f1, log_loss, auprc.</summary>
    public static Dictionary<string, double> Compute(bool[] actual, float[] score, float[] probability, bool[] predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["auc"] = Auc(actual, score),
            ["accuracy"] = Accuracy(actual, predicted),
            ["f1"] = F1(actual, predicted),
            ["log_loss"] = LogLoss(actual, probability),
            ["auprc"] = AveragePrecision(actual, score),
        };
    }

    /// <summary>Fraction of rows with <c>predicted == actual</c>.</summary>
    public static double Accuracy(bool[] actual, bool[] predicted)
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

    /// <summary>F1 of the positive class: 2TP / (2TP + FP + FN); 0 when there is no positive at all.</summary>
    public static double F1(bool[] actual, bool[] predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (predicted[i] && actual[i])
            {
                tp++;
            }
            else if (predicted[i])
            {
                fp++;
            }
            else if (actual[i])
            {
                fn++;
            }
        }

        var denominator = 2 * tp + fp + fn;
        return denominator == 0 ? 0 : 2.0 * tp / denominator;
    }

    /// <summary>Mean of <c>-[y ln p + (1 - y) ln(1 - p)]</c> with p the probability of the positive class.</summary>
    public static double LogLoss(bool[] actual, float[] probability)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(probability);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var p = Math.Clamp(double.IsNaN(probability[i]) ? 0.5 : probability[i], Epsilon, 1 - Epsilon);
            sum -= actual[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / actual.Length;
    }

    /// <summary>
    /// Area under the ROC curve = P(score of a random positive &gt; score of a random negative), ties counting one
    /// half (Mann-Whitney U / (n+ n-), with average ranks for ties). NaN when a class is absent.
    /// </summary>
    public static double Auc(bool[] actual, float[] score)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(score);
        var order = Enumerable.Range(0, actual.Length).OrderBy(i => score[i]).ToArray();
        double positives = 0, rankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[start]])
            {
                end++;
            }

            var averageRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (actual[order[k]])
                {
                    positives++;
                    rankSum += averageRank;
                }
            }

            start = end + 1;
        }

        var negatives = actual.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /// <summary>
    /// Area under the precision-recall curve as average precision: Σ over score thresholds (high to low, tied scores
    /// taken together) of (R_k - R_(k-1)) · P_k, as scikit-learn's <c>average_precision_score</c>. NaN without positives.
    /// </summary>
    public static double AveragePrecision(bool[] actual, float[] score)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(score);
        var positives = actual.Count(a => a);
        if (positives == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, actual.Length).OrderByDescending(i => score[i]).ToArray();
        double tp = 0, fp = 0, previousRecall = 0, ap = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                if (actual[order[k]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            var recall = tp / positives;
            ap += (recall - previousRecall) * (tp / (tp + fp));
            previousRecall = recall;
            start = end + 1;
        }

        return ap;
    }
}
