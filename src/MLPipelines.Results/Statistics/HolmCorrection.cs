namespace MLPipelines.Results.Statistics;

/// <summary>
/// Holm–Bonferroni step-down adjustment of a family of m p-values: with p_(1) ≤ … ≤ p_(m),
/// p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j)). Rejecting where p̃ ≤ α controls the family-wise error
/// rate at α, uniformly more powerful than plain Bonferroni (Holm 1979).
/// </summary>
public static class HolmCorrection
{
    /// <summary>
    /// Adjusted p-values in the input order. Null entries (comparisons that could not be tested) are left
    /// null and do not count towards m.
    /// </summary>
    public static double?[] Adjust(IReadOnlyList<double?> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var order = Enumerable.Range(0, pValues.Count)
            .Where(i => pValues[i].HasValue)
            .OrderBy(i => pValues[i]!.Value)
            .ThenBy(i => i)
            .ToArray();
        foreach (int i in order)
        {
            double p = pValues[i]!.Value;
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value {i} is not in [0, 1].");
            }
        }

        var adjusted = new double?[pValues.Count];
        int m = order.Length;
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];

            // The running maximum keeps adjusted p-values monotone in the raw ones (the "step-down" part).
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]!.Value));
            adjusted[i] = running;
        }

        return adjusted;
    }
}
