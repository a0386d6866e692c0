namespace MLPipelines.Results;

/// <summary>One model of a run: its per-fold metrics, timings and where its files are.</summary>
public sealed record ModelResult
{
    public required string Name { get; init; }

    public required string Trainer { get; init; }

    /// <summary>Trainer family: <c>boosted_trees</c>, <c>forest</c>, <c>linear</c>, <c>neural</c>.</summary>
    public string Family { get; init; } = "";

    /// <summary>
    /// For a model with <c>tune</c>: <c>default</c>, <c>tuned</c> or <c>ensembled</c> (rows named <c>NAME</c>,
    /// <c>NAME:tuned</c>, <c>NAME:ensembled</c>, all on the same outer splits); null for a model without tuning.
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>The spec's model name the variant belongs to (<c>NAME</c>); null without tuning.</summary>
    public string? Base { get; init; }

    /// <summary>The search behind the variants (on the <c>:tuned</c> row only); null otherwise.</summary>
    public TuningResult? Tuning { get; init; }

    /// <summary>Metric name to mean, std and per-fold values (fold order = <see cref="Folds"/> order).</summary>
    public required IReadOnlyDictionary<string, MetricSummary> Metrics { get; init; }

    /// <summary>Seconds to fit preprocessing + trainer on each training split.</summary>
    public required TimingSummary FitSeconds { get; init; }

    /// <summary>Test rows scored per second, over all folds (transform + reading every prediction column).</summary>
    public required double PredictRowsPerSecond { get; init; }

    /// <summary>Resolved trainer options.</summary>
    public IReadOnlyDictionary<string, object?> Options { get; init; } = new Dictionary<string, object?>();

    /// <summary>The preprocessing actually run, one line per step (implicit steps say so).</summary>
    public IReadOnlyList<string> Preprocessing { get; init; } = [];

    /// <summary>Per-split detail, repeat-major then fold order.</summary>
    public IReadOnlyList<FoldResult> Folds { get; init; } = [];

    /// <summary>Seconds to fit the final model on all rows.</summary>
    public double FinalFitSeconds { get; init; }

    /// <summary>Model file relative to the run folder (<c>models/NAME.zip</c>).</summary>
    public string? ModelFile { get; init; }

    /// <summary>The same model as a standalone ONNX graph (<c>models/NAME.onnx</c>), or null when it cannot be exported.</summary>
    public string? OnnxFile { get; init; }

    /// <summary>Why there is no <see cref="OnnxFile"/> (the step ML.NET's ONNX converter cannot export), or null.</summary>
    public string? OnnxProblem { get; init; }

    /// <summary>
    /// Out-of-fold predictions file relative to the run folder (<c>predictions/NAME.csv</c>); its columns are
    /// described by <see cref="PredictionColumns"/>.
    /// </summary>
    public string? PredictionsFile { get; init; }

    /// <summary>Permutation feature importance of this model on its test rows; null when not computed (<c>report.feature_importance: false</c>).</summary>
    public FeatureImportanceResult? FeatureImportance { get; init; }
}

/// <summary>
/// Mean, sample standard deviation (n - 1; 0 for a single value) and the per-fold values of one metric, with the
/// run's 95% confidence interval of the mean (<see cref="CiLow"/>, <see cref="CiHigh"/>; see
/// <see cref="StatisticsResult.Interval"/> for the formula).
/// </summary>
public sealed record MetricSummary(double Mean, double Std, IReadOnlyList<double> Folds)
{
    /// <summary>Lower end of the confidence interval of the mean (corrected for overlapping training sets); null with fewer than two splits.</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper end of the confidence interval of the mean; null with fewer than two splits.</summary>
    public double? CiHigh { get; init; }

    /// <summary>Summary of <paramref name="values"/>.</summary>
    public static MetricSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new MetricSummary(double.NaN, double.NaN, values);
        }

        var mean = values.Average();
        var std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new MetricSummary(mean, std, values);
    }
}

/// <summary>Mean and per-fold values of a duration in seconds.</summary>
public sealed record TimingSummary(double Mean, IReadOnlyList<double> Folds)
{
    public static TimingSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new TimingSummary(values.Count == 0 ? 0 : values.Average(), values);
    }
}
