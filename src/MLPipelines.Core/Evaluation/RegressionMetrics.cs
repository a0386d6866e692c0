namespace MLPipelines.Core.Evaluation;

/// <summary>Regression metrics computed from out-of-fold predictions.</summary>
public static class RegressionMetrics
{
    /// <summary>rmse = sqrt(mean((y - ŷ)²)), mae = mean(|y - ŷ|), r2 = 1 - Σ(y - ŷ)² / Σ(y - ȳ)² (ȳ over the same rows).</summary>
    public static Dictionary<string, double> Compute(float[] actual, float[] predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        double sse = 0, sae = 0, mean = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            mean += actual[i];
        }

        mean /= actual.Length;
        double sst = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            var e = (double)actual[i] - predicted[i];
            sse += e * e;
            sae += Math.Abs(e);
            sst += (actual[i] - mean) * (actual[i] - mean);
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rmse"] = Math.Sqrt(sse / actual.Length),
            ["mae"] = sae / actual.Length,
            ["r2"] = sst == 0 ? double.NaN : 1 - sse / sst,
        };
    }
}
