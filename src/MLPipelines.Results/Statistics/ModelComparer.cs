namespace MLPipelines.Results.Statistics;

/// <summary>
/// Runs the corrected resampled t-test over the models of one run: every model against the baseline, or all
/// pairs with Holm's correction. Produces the results.json <c>comparisons</c> entries.
/// </summary>
public static class ModelComparer
{
    /// <summary>
    /// Each other model (A) against <paramref name="baseline"/> (B), per metric: m − 1 tests per metric,
    /// each decided at α without adjustment, exactly as Weka's Experimenter marks its v / * table.
    /// </summary>
    public static IReadOnlyList<PairedComparison> AgainstBaseline(
        IReadOnlyList<ModelScores> models, string baseline, ResamplingDesign design, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(baseline);
        options ??= new ComparisonOptions();
        var reference = models.FirstOrDefault(m => m.Name == baseline)
            ?? throw new ArgumentException(
                $"Baseline '{baseline}' is not one of the models ({string.Join(", ", models.Select(m => m.Name))}).", nameof(baseline));
        var results = new List<PairedComparison>();
        foreach (string metric in MetricsOf(models, options))
        {
            var direction = options.DirectionOf(metric);
            foreach (var model in models.Where(m => m.Name != baseline))
            {
                results.Add(CorrectedResampledTTest.Compare(
                    metric, direction, model.Name, model.Metrics[metric], reference.Name, reference.Metrics[metric], design, options.Alpha));
            }
        }

        return results;
    }

    /// <summary>
    /// All m(m − 1)/2 pairs per metric (A before B in model order). Within each metric the family of pairs is
    /// Holm-adjusted; <see cref="PairedComparison.Significant"/> then means p_holm ≤ α.
    /// </summary>
    public static IReadOnlyList<PairedComparison> AllPairs(
        IReadOnlyList<ModelScores> models, ResamplingDesign design, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        options ??= new ComparisonOptions();
        var results = new List<PairedComparison>();
        foreach (string metric in MetricsOf(models, options))
        {
            var direction = options.DirectionOf(metric);
            var family = new List<PairedComparison>();
            for (int i = 0; i < models.Count; i++)
            {
                for (int j = i + 1; j < models.Count; j++)
                {
                    family.Add(CorrectedResampledTTest.Compare(
                        metric, direction, models[i].Name, models[i].Metrics[metric], models[j].Name, models[j].Metrics[metric], design, options.Alpha));
                }
            }

            var adjusted = HolmCorrection.Adjust([.. family.Select(c => c.PValue)]);
            results.AddRange(family.Select((c, k) => CorrectedResampledTTest.WithAdjustedPValue(c, adjusted[k], direction)));
        }

        return results;
    }

    private static List<string> MetricsOf(IReadOnlyList<ModelScores> models, ComparisonOptions options)
    {
        if (models.Count < 2)
        {
            throw new ArgumentException($"Comparisons need at least two models, got {models.Count}.", nameof(models));
        }

        var duplicate = models.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Model name '{duplicate.Key}' appears {duplicate.Count()} times.", nameof(models));
        }

        var metrics = options.Metrics?.ToList()
            ?? [.. models[0].Metrics.Keys.Where(metric => models.All(m => m.Metrics.ContainsKey(metric)))];
        foreach (string metric in metrics)
        {
            var missing = models.FirstOrDefault(m => !m.Metrics.ContainsKey(metric));
            if (missing is not null)
            {
                throw new ArgumentException($"Model '{missing.Name}' has no fold values for metric '{metric}'.", nameof(models));
            }
        }

        return metrics;
    }
}
