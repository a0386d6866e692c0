namespace MLPipelines.Results.Statistics;

/// <summary>
/// Picks the model every other model is compared with: <c>report.baseline</c> when given, otherwise the best
/// boosted-tree model on the primary metric (the strong default of tabular data), otherwise the best model.
/// </summary>
public static class BaselineSelector
{
    /// <summary>Chooses the baseline; ties go to the earlier model.</summary>
    /// <exception cref="ArgumentException">No models, or <paramref name="requested"/> is not one of them.</exception>
    public static string Choose(IReadOnlyList<BaselineCandidate> models, MetricDirection direction, string? requested = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("There are no models to choose a baseline from.", nameof(models));
        }

        if (requested is not null)
        {
            return models.Any(m => m.Name == requested)
                ? requested
                : throw new ArgumentException(
                    $"Baseline '{requested}' is not one of the models ({string.Join(", ", models.Select(m => m.Name))}).", nameof(requested));
        }

        var pool = models.Where(m => m.IsBoostedTree).ToList();
        if (pool.Count == 0)
        {
            pool = [.. models];
        }

        var best = pool[0];
        foreach (var candidate in pool.Skip(1))
        {
            if (MetricDirections.Compare(candidate.PrimaryMean, best.PrimaryMean, direction) > 0)
            {
                best = candidate;
            }
        }

        return best.Name;
    }
}
