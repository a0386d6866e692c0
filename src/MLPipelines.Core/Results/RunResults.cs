namespace MLPipelines.Core.Results;

/// <summary>
/// The content of a run's <c>results.json</c>: what later tooling (reports, comparisons, experiments) reads.
/// Property names are written in snake_case (<see cref="ResultsJson"/>). The keys of the contract
/// (<c>name</c>, <c>task</c>, <c>primary_metric</c>, <c>dataset</c>, <c>evaluation</c>, <c>models</c>) are stable;
/// the rest may grow.
/// </summary>
public sealed record RunResults
{
    /// <summary>Results format version; bumped only on incompatible changes.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Pipeline name (<c>name:</c> in the spec).</summary>
    public required string Name { get; init; }

    /// <summary><c>binary</c>, <c>multiclass</c> or <c>regression</c>.</summary>
    public required string Task { get; init; }

    /// <summary>Metric that ranks models (e.g. <c>accuracy</c>, <c>rmse</c>).</summary>
    public required string PrimaryMetric { get; init; }

    public required DatasetResult Dataset { get; init; }

    public required EvaluationResult Evaluation { get; init; }

    /// <summary>One entry per model, in spec order.</summary>
    public required IReadOnlyList<ModelResult> Models { get; init; }

    /// <summary>Pairwise significance tests (filled by the statistics step; null when not computed).</summary>
    public IReadOnlyList<ComparisonResult>? Comparisons { get; init; }

    /// <summary>Warnings raised while reading data or training (e.g. dropped rows, ignored columns).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>UTC start of the run, ISO 8601.</summary>
    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>Wall-clock duration of the whole run in seconds.</summary>
    public double DurationSeconds { get; init; }
}
