namespace MLPipelines.Results;

/// <summary>
/// The <c>statistics</c> block of <c>results.json</c>: the settings behind <c>comparisons</c> and behind the
/// intervals in <c>models[].metrics[m].ci_low / ci_high</c>.
/// </summary>
public sealed record StatisticsResult
{
    /// <summary>The model every other model was compared with: <c>report.baseline</c>, else the best boosted-tree model on the primary metric, else the best model.</summary>
    public required string Baseline { get; init; }

    /// <summary>Why that model is the baseline: <c>report.baseline</c>, <c>best boosted-tree model</c> or <c>best model</c>.</summary>
    public string BaselineReason { get; init; } = "";

    /// <summary>True when every pair was tested (<c>report.all_pairs: true</c>, Holm-adjusted per metric).</summary>
    public bool AllPairs { get; init; }

    /// <summary>Significance level α of every test (0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Confidence level of the intervals (0.95).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// <c>corrected</c>: mean ± t_{n−1, 1−(1−c)/2} · s · √(1/n + n_test/n_train) (Nadeau–Bengio), the interval
    /// consistent with the corrected t-test; it is wider than the naive s/√n interval because splits share rows.
    /// </summary>
    public string Interval { get; init; } = "corrected";

    /// <summary>Number of paired runs n (splits per model).</summary>
    public int Runs { get; init; }

    /// <summary>n_test / n_train used by the correction (measured from the split sizes).</summary>
    public double TestTrainRatio { get; init; }

    /// <summary>The resampling design in words, e.g. <c>5-fold</c>, <c>5-fold x 2</c>, <c>holdout 0.2 x 3</c>, <c>test set</c>.</summary>
    public string Design { get; init; } = "";

    /// <summary>Metrics compared, primary metric first.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>Why there are no t-tests, when there are none or they are all undefined (e.g. a single test-set split); null otherwise.</summary>
    public string? Note { get; init; }
}
