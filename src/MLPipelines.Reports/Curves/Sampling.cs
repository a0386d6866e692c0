namespace MLPipelines.Reports.Curves;

/// <summary>Deterministic subsampling for scatter charts of large data.</summary>
public static class Sampling
{
    /// <summary>
    /// All indices 0..count−1 when count ≤ max, else max of them chosen by a seeded shuffle, returned sorted:
    /// the same data always gives the same chart.
    /// </summary>
    public static int[] Indices(int count, int max, int seed = 12345)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (count <= max)
        {
            return [.. Enumerable.Range(0, count)];
        }

        var all = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(all);
        var chosen = all[..max];
        Array.Sort(chosen);
        return chosen;
    }
}
