namespace MLPipelines.Reports.Curves;

/// <summary>
/// Receiver operating characteristic of scores against binary outcomes: one point per distinct score threshold,
/// from (0, 0) to (1, 1), and the area under it by the trapezoid rule (tied scores form one diagonal step, so the
/// area equals the Mann–Whitney probability that a random positive outscores a random negative, ties counted ½).
/// </summary>
/// <param name="FalsePositiveRate">x of each point, non-decreasing.</param>
/// <param name="TruePositiveRate">y of each point, non-decreasing.</param>
/// <param name="Auc">Area under the curve.</param>
/// <param name="Positives">Rows with a positive outcome.</param>
/// <param name="Negatives">Rows with a negative outcome.</param>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate, double Auc, int Positives, int Negatives)
{
    /// <summary>The curve of <paramref name="score"/> (higher = more likely positive); null when one class is absent.</summary>
    public static RocCurve? Compute(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        var order = ScoreOrder.Descending(positive, score);
        int positives = order.Count(i => positive[i]), negatives = order.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        int tp = 0, fp = 0;
        double area = 0;
        for (var k = 0; k < order.Length;)
        {
            var threshold = score[order[k]];
            for (; k < order.Length && score[order[k]] == threshold; k++)
            {
                if (positive[order[k]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            double x = (double)fp / negatives, y = (double)tp / positives;
            area += (x - fpr[^1]) * (y + tpr[^1]) / 2;
            fpr.Add(x);
            tpr.Add(y);
        }

        return new RocCurve([.. fpr], [.. tpr], area, positives, negatives);
    }
}
