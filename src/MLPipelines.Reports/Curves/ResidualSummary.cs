namespace MLPipelines.Reports.Curves;

/// <summary>
/// Residuals r = actual − predicted of one model over the rows where both are finite: mean (the bias), sample
/// standard deviation, root mean square (= rmse) and mean absolute value (= mae).
/// </summary>
public sealed record ResidualSummary(double Mean, double Std, double Rmse, double Mae, int Rows)
{
    /// <summary>The summary of <paramref name="actual"/> − <paramref name="predicted"/>; NaN figures when no row is usable.</summary>
    public static ResidualSummary Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        var r = Enumerable.Range(0, Math.Min(actual.Count, predicted.Count)).Select(i => actual[i] - predicted[i]).Where(double.IsFinite).ToArray();
        if (r.Length == 0)
        {
            return new ResidualSummary(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        var mean = r.Average();
        var std = r.Length < 2 ? double.NaN : Math.Sqrt(r.Sum(v => (v - mean) * (v - mean)) / (r.Length - 1));
        return new ResidualSummary(mean, std, Math.Sqrt(r.Average(v => v * v)), r.Average(Math.Abs), r.Length);
    }
}
