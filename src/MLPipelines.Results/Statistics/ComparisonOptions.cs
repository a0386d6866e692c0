namespace MLPipelines.Results.Statistics;

/// <summary>Options of <see cref="ModelComparer"/>.</summary>
public sealed class ComparisonOptions
{
    /// <summary>Significance level α of every test; default 0.05 (Weka's default too).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Metrics to compare, in output order; null = every metric that all models report, in the first model's order.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }

    /// <summary>Directions for metrics <see cref="MetricDirections"/> does not know (custom metrics); null = none.</summary>
    public IReadOnlyDictionary<string, MetricDirection>? Directions { get; init; }

    /// <summary>The direction of <paramref name="metric"/>: the override if any, else the known one.</summary>
    public MetricDirection DirectionOf(string metric) =>
        Directions is not null && Directions.TryGetValue(metric, out var direction) ? direction : MetricDirections.For(metric);
}
