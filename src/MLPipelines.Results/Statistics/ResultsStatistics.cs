namespace MLPipelines.Results.Statistics;

/// <summary>
/// Adds the statistics to a run's results: the corrected confidence interval of every metric mean
/// (<c>ci_low</c>, <c>ci_high</c>), the baseline, and the corrected resampled t-tests of every model against it
/// (or of all pairs, Holm-adjusted) on every metric of the task, primary metric first.
/// </summary>
public static class ResultsStatistics
{
    /// <summary>Significance level of the tests.</summary>
    public const double Alpha = 0.05;

    /// <summary>Confidence level of the intervals.</summary>
    public const double Confidence = 0.95;

    /// <summary>
    /// <paramref name="results"/> with intervals, <c>statistics</c> and (with two or more models) <c>comparisons</c>.
    /// </summary>
    /// <param name="baseline">The requested baseline (<c>report.baseline</c>), or null for the default.</param>
    /// <param name="allPairs">Test every pair (<c>report.all_pairs</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="baseline"/> is not one of the models.</exception>
    public static RunResults Apply(RunResults results, string? baseline, bool allPairs)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Models.Count == 0)
        {
            return results;
        }

        var summaries = RunStatistics.Summaries(results, Confidence);
        var models = results.Models.Select(m => m with
        {
            Metrics = m.Metrics.ToDictionary(
                kv => kv.Key,
                kv => summaries[m.Name].TryGetValue(kv.Key, out var s) ? kv.Value with { CiLow = s.Lower, CiHigh = s.Upper } : kv.Value,
                StringComparer.Ordinal),
        }).ToList();
        results = results with { Models = models };
        var design = RunStatistics.DesignOf(results);
        var chosen = RunStatistics.BaselineOf(results, baseline);
        var primary = results.PrimaryMetric;
        var metrics = models[0].Metrics.Keys
            .Where(k => models.All(m => m.Metrics.ContainsKey(k)) && MetricDirections.TryGet(k, out _))
            .OrderBy(k => k == primary ? 0 : 1)
            .ToList();
        IReadOnlyList<PairedComparison>? comparisons = null;
        if (models.Count > 1)
        {
            var options = new ComparisonOptions { Alpha = Alpha, Metrics = metrics };
            var scores = RunStatistics.ScoresOf(results);
            comparisons = allPairs
                ? ModelComparer.AllPairs(scores, design, options)
                : ModelComparer.AgainstBaseline(scores, chosen, design, options);
        }

        return results with
        {
            Statistics = new StatisticsResult
            {
                Baseline = chosen,
                BaselineReason = baseline is not null ? "report.baseline"
                    : models.Any(m => m.Family == "boosted_trees") ? $"best boosted-tree model on {primary}" : $"best model on {primary}",
                AllPairs = allPairs,
                Alpha = Alpha,
                Confidence = Confidence,
                Interval = "corrected",
                Runs = design.Runs,
                TestTrainRatio = design.TestTrainRatio,
                Design = DesignText(results.Evaluation),
                Metrics = metrics,
                Note = Note(models.Count, design.Runs),
            },
            Comparisons = comparisons,
        };
    }

    private static string? Note(int models, int runs) =>
        models < 2 ? "one model: nothing to compare"
        : runs < 2 ? "one split: the t-test needs at least two paired splits, so t and p are undefined; use kfold or repeated holdout to test differences"
        : null;

    private static string DesignText(EvaluationResult evaluation) => evaluation.Method switch
    {
        "holdout" => $"holdout {evaluation.TestFraction:0.###} x {evaluation.Repeats}",
        "test_set" => "test set",
        _ => evaluation.Repeats == 1 ? $"{evaluation.Folds}-fold" : $"{evaluation.Folds}-fold x {evaluation.Repeats}",
    };
}
