namespace MLPipelines.Results.Statistics;

/// <summary>
/// The statistics of one run computed from its <c>results.json</c> content (<see cref="RunResults"/>): the
/// resampling design, per-metric summaries with intervals, the baseline and the paired comparisons. The runner
/// calls it to fill <c>comparisons</c>; the report can call it again on a results file alone.
/// </summary>
public static class RunStatistics
{
    /// <summary>
    /// The design of the run. When the folds record their sizes, the test/train ratio is Σ test rows / Σ train
    /// rows over the runs, exactly as Weka's PairedCorrectedTTester computes it; otherwise the nominal ratio of
    /// the evaluation block (1/(k − 1), or f/(1 − f) for holdout).
    /// </summary>
    public static ResamplingDesign DesignOf(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var evaluation = results.Evaluation;
        var folds = results.Models.Count > 0 ? results.Models[0].Folds : [];
        if (folds.Count > 0 && folds.All(f => f.TrainRows > 0 && f.TestRows > 0))
        {
            var measured = ResamplingDesign.FromSplitSizes([.. folds.Select(f => f.TrainRows)], [.. folds.Select(f => f.TestRows)]);
            return measured with { Description = NominalOf(evaluation).Description };
        }

        return NominalOf(evaluation);
    }

    /// <summary>Each model's fold values per metric, in run order.</summary>
    public static IReadOnlyList<ModelScores> ScoresOf(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results.Models.Select(m => new ModelScores(
            m.Name,
            m.Metrics.ToDictionary(kv => kv.Key, kv => kv.Value.Folds, StringComparer.Ordinal)))];
    }

    /// <summary>
    /// <paramref name="requested"/> (<c>report.baseline</c>) when given, else the best model of family
    /// <c>boosted_trees</c> on the primary metric, else the best model.
    /// </summary>
    public static string BaselineOf(RunResults results, string? requested = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        string primary = results.PrimaryMetric;
        var candidates = results.Models
            .Select(m => new BaselineCandidate(
                m.Name,
                m.Family == "boosted_trees",
                m.Metrics.TryGetValue(primary, out var summary) ? summary.Mean : double.NaN))
            .Where(c => double.IsFinite(c.PrimaryMean) || c.Name == requested)
            .ToList();
        return BaselineSelector.Choose(candidates, MetricDirections.For(primary), requested);
    }

    /// <summary>
    /// The comparisons for <c>results.json</c>: every model against the baseline, or all pairs with Holm's
    /// correction when <paramref name="allPairs"/> is set, on every metric all models report.
    /// </summary>
    public static IReadOnlyList<PairedComparison> Compare(RunResults results, string? baseline = null, bool allPairs = false, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(results);
        var scores = ScoresOf(results);
        var design = DesignOf(results);
        var options = new ComparisonOptions { Alpha = alpha };
        return allPairs
            ? ModelComparer.AllPairs(scores, design, options)
            : ModelComparer.AgainstBaseline(scores, BaselineOf(results, baseline), design, options);
    }

    /// <summary>Mean, std and corrected confidence interval of every metric of every model: [model][metric].</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, FoldStatistics>> Summaries(RunResults results, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(results);
        var design = DesignOf(results);
        return results.Models.ToDictionary(
            m => m.Name,
            m => (IReadOnlyDictionary<string, FoldStatistics>)m.Metrics
                .Where(kv => kv.Value.Folds.Any(double.IsFinite))
                .ToDictionary(kv => kv.Key, kv => DescriptiveStatistics.Summarize(kv.Value.Folds, design, confidence), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private static ResamplingDesign NominalOf(EvaluationResult evaluation) => evaluation.Method switch
    {
        "holdout" => ResamplingDesign.Holdout(
            evaluation.TestFraction ?? throw new ArgumentException("results.json: a holdout evaluation has no test_fraction.", nameof(evaluation)),
            evaluation.Repeats),
        // One train/test split of given sets: no resampling, so no ratio to correct with (and nothing to test).
        "test_set" => new ResamplingDesign(1, 0, "test set"),
        _ => ResamplingDesign.KFold(evaluation.Folds, evaluation.Repeats),
    };
}
