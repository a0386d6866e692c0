using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Findings;

/// <summary>What the reports need to know about a metric beyond its value: direction and whether it is a proportion.</summary>
public static class MetricKinds
{
    private static readonly HashSet<string> Proportions = new(StringComparer.Ordinal) { "accuracy", "macro_accuracy", "auc", "auprc", "f1" };

    /// <summary>The metric's direction; unknown metrics are taken as higher-is-better (the report must not fail on a new metric).</summary>
    public static MetricDirection DirectionOf(string metric) =>
        MetricDirections.TryGet(metric, out var direction) ? direction : MetricDirection.HigherIsBetter;

    public static bool LowerIsBetter(string metric) => DirectionOf(metric) == MetricDirection.LowerIsBetter;

    /// <summary>True for metrics in [0, 1] that read as a share of rows or of area (accuracy, auc, f1, ...): their gaps are told in percentage points.</summary>
    public static bool IsProportion(string metric) => Proportions.Contains(metric);

    /// <summary>
    /// Clamps a value (an interval end) to the metric's range: [0, 1] for proportions, ≥ 0 for errors and log loss,
    /// ≤ 1 for r². A t-interval can reach past them; the reports show the possible part.
    /// </summary>
    public static double Clamp(string metric, double value) => metric switch
    {
        _ when IsProportion(metric) => Math.Clamp(value, 0, 1),
        "rmse" or "mae" or "mse" or "log_loss" => Math.Max(0, value),
        "r2" => Math.Min(1, value),
        _ => value,
    };

    /// <summary>A short direction hint for headers: "higher is better" / "lower is better".</summary>
    public static string DirectionHint(string metric) => LowerIsBetter(metric) ? "lower is better" : "higher is better";
}
