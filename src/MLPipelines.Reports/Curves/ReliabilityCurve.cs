namespace MLPipelines.Reports.Curves;

/// <summary>
/// Reliability (calibration) diagram: predicted probabilities cut into equal-width bins over [0, 1]; per bin the
/// mean prediction and the observed rate of the event. A calibrated model lies on the diagonal. Also the expected
/// calibration error ECE = Σ_b (n_b / n) · |observed_b − predicted_b| and the mean squared error of the
/// probabilities (the Brier score when the event is the positive class).
/// </summary>
/// <param name="Bins">Non-empty bins, lowest first.</param>
/// <param name="ExpectedCalibrationError">ECE.</param>
/// <param name="BrierScore">Mean of (p − y)².</param>
public sealed record ReliabilityCurve(IReadOnlyList<ReliabilityBin> Bins, double ExpectedCalibrationError, double BrierScore)
{
    /// <summary>The diagram of <paramref name="probability"/> (of the event) against <paramref name="outcome"/>; null without finite probabilities.</summary>
    public static ReliabilityCurve? Compute(IReadOnlyList<double> probability, IReadOnlyList<bool> outcome, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probability);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var sumPredicted = new double[bins];
        var events = new int[bins];
        double squared = 0;
        var n = 0;
        for (var i = 0; i < probability.Count; i++)
        {
            var p = probability[i];
            if (!double.IsFinite(p))
            {
                continue;
            }

            p = Math.Clamp(p, 0, 1);
            var b = Math.Min(bins - 1, (int)(p * bins));
            count[b]++;
            sumPredicted[b] += p;
            var y = outcome[i] ? 1 : 0;
            events[b] += y;
            squared += (p - y) * (p - y);
            n++;
        }

        if (n == 0)
        {
            return null;
        }

        var result = new List<ReliabilityBin>();
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] == 0)
            {
                continue;
            }

            var predicted = sumPredicted[b] / count[b];
            var observed = (double)events[b] / count[b];
            ece += (double)count[b] / n * Math.Abs(observed - predicted);
            result.Add(new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], predicted, observed));
        }

        return new ReliabilityCurve(result, ece, squared / n);
    }
}
