using MLPipelines.Results.Statistics;

namespace MLPipelines.Results;

/// <summary>
/// The content of a run's <c>results.json</c>: what later tooling (reports, comparisons, experiments) reads.
/// Property names are written in snake_case (<see cref="ResultsJson"/>). The keys of the contract
/// (<c>name</c>, <c>task</c>, <c>primary_metric</c>, <c>dataset</c>, <c>evaluation</c>, <c>models</c>) are stable;
/// the rest may grow. Blocks added after format version 1 first shipped (<c>statistics</c>, <c>comparisons</c>,
/// <c>models[].feature_importance</c>, the column summaries and the image block of <c>dataset</c>) are optional:
/// a reader must accept them missing (null) and render what is there.
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

    /// <summary>
    /// How the comparisons and intervals were computed: the baseline model, all pairs or not, α, the resampling
    /// design. Null when no statistics were computed (a single model, or an older results file).
    /// </summary>
    public StatisticsResult? Statistics { get; init; }

    /// <summary>
    /// Corrected resampled t-tests (Nadeau and Bengio 2003): every model (<c>a</c>) against the baseline (<c>b</c>)
    /// on every metric of the task, primary metric first; with <c>report.all_pairs: true</c> every pair (a before b
    /// in spec order) with Holm-adjusted p-values per metric (<c>p_value_holm</c>). Null when not computed (fewer
    /// than two models); <c>t</c> and <c>p_value</c> are null when undefined (a single split: nothing to test).
    /// </summary>
    public IReadOnlyList<PairedComparison>? Comparisons { get; init; }

    /// <summary>Warnings raised while reading data or training (e.g. dropped rows, ignored columns).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>UTC start of the run, ISO 8601.</summary>
    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>Wall-clock duration of the whole run in seconds.</summary>
    public double DurationSeconds { get; init; }
}
