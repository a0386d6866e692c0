namespace MLPipelines.Results.Statistics;

/// <summary>The direction of every metric the runner reports, by its results.json name.</summary>
public static class MetricDirections
{
    private static readonly Dictionary<string, MetricDirection> Known = new(StringComparer.Ordinal)
    {
        ["accuracy"] = MetricDirection.HigherIsBetter,
        ["macro_accuracy"] = MetricDirection.HigherIsBetter,
        ["auc"] = MetricDirection.HigherIsBetter,
        ["auprc"] = MetricDirection.HigherIsBetter,
        ["f1"] = MetricDirection.HigherIsBetter,
        ["r2"] = MetricDirection.HigherIsBetter,
        ["log_loss"] = MetricDirection.LowerIsBetter,
        ["rmse"] = MetricDirection.LowerIsBetter,
        ["mae"] = MetricDirection.LowerIsBetter,
        ["mse"] = MetricDirection.LowerIsBetter,
        ["fit_seconds"] = MetricDirection.LowerIsBetter,
    };

    /// <summary>Metric names with a known direction, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The direction of <paramref name="metric"/>; an unknown name is an error, never a silent guess.</summary>
    public static MetricDirection For(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return Known.TryGetValue(metric, out var direction)
            ? direction
            : throw new ArgumentException(
                $"Unknown metric '{metric}': its direction is not known (known: {string.Join(", ", Names)}).", nameof(metric));
    }

    /// <summary>Looks up a direction without throwing.</summary>
    public static bool TryGet(string metric, out MetricDirection direction) => Known.TryGetValue(metric, out direction);

    /// <summary>
    /// Compares two scores in the metric's direction: positive when <paramref name="a"/> is better,
    /// negative when <paramref name="b"/> is better, zero when equal.
    /// </summary>
    public static int Compare(double a, double b, MetricDirection direction)
    {
        int raw = a.CompareTo(b);
        return direction == MetricDirection.HigherIsBetter ? raw : -raw;
    }
}
