namespace MLPipelines.Reports.Curves;

/// <summary>
/// Precision against recall over the distinct score thresholds, starting at (recall 0, precision 1), and the
/// average precision AP = Σ_n (R_n − R_{n−1}) · P_n (the step-wise area, as scikit-learn's
/// <c>average_precision_score</c>; no interpolation).
/// </summary>
/// <param name="Recall">x of each point, non-decreasing.</param>
/// <param name="Precision">y of each point.</param>
/// <param name="AveragePrecision">AP.</param>
/// <param name="PositiveRate">Share of positive rows: the precision of a random ranking (the chart's floor).</param>
public sealed record PrecisionRecallCurve(double[] Recall, double[] Precision, double AveragePrecision, double PositiveRate)
{
    /// <summary>The curve of <paramref name="score"/>; null when there are no positive rows.</summary>
    public static PrecisionRecallCurve? Compute(IReadOnlyList<bool> positive, IReadOnlyList<double> score)
    {
        var order = ScoreOrder.Descending(positive, score);
        var positives = order.Count(i => positive[i]);
        if (positives == 0)
        {
            return null;
        }

        var recall = new List<double> { 0 };
        var precision = new List<double> { 1 };
        int tp = 0, seen = 0;
        double ap = 0;
        for (var k = 0; k < order.Length;)
        {
            var threshold = score[order[k]];
            for (; k < order.Length && score[order[k]] == threshold; k++)
            {
                seen++;
                if (positive[order[k]])
                {
                    tp++;
                }
            }

            double r = (double)tp / positives, p = (double)tp / seen;
            ap += (r - recall[^1]) * p;
            recall.Add(r);
            precision.Add(p);
        }

        return new PrecisionRecallCurve([.. recall], [.. precision], ap, (double)positives / order.Length);
    }
}
