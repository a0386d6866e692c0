namespace MLPipelines.Core.Evaluation;

/// <summary>
/// Assigns rows to folds once per run; every model of the run uses the same splits (paired comparison).
/// </summary>
/// <remarks>
/// k-fold: each repeat shuffles the rows with its own seeded generator and deals them to folds round-robin; with
/// strata, rows are shuffled within each stratum and dealt stratum after stratum continuing the round-robin, so
/// every fold gets its share of each class (±1 row) and the fold sizes differ by at most one.
/// Holdout: each repeat draws a fresh split with <c>round(test_fraction × n)</c> test rows (per stratum when
/// stratified, keeping at least one training row per stratum).
/// The same seed, rows and strata always give the same splits.
/// </remarks>
public static class FoldPlanner
{
    /// <summary>k-fold splits, repeat-major.</summary>
    /// <param name="strata">Stratum per row (class index), or null for plain shuffling.</param>
    public static IReadOnlyList<FoldSplit> KFold(int rowCount, int folds, int repeats, int seed, int[]? strata)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        if (rowCount < folds)
        {
            throw new ArgumentException($"{folds}-fold needs at least {folds} rows, got {rowCount}.", nameof(rowCount));
        }

        var splits = new List<FoldSplit>(folds * repeats);
        for (var r = 0; r < repeats; r++)
        {
            var rng = new Random(RepeatSeed(seed, r));
            var fold = new int[rowCount];
            var next = 0;
            foreach (var group in Groups(rowCount, strata))
            {
                Shuffle(group, rng);
                foreach (var row in group)
                {
                    fold[row] = next;
                    next = (next + 1) % folds;
                }
            }

            for (var f = 0; f < folds; f++)
            {
                var test = new List<int>();
                var train = new List<int>();
                for (var row = 0; row < rowCount; row++)
                {
                    (fold[row] == f ? test : train).Add(row);
                }

                splits.Add(new FoldSplit(r, f, [.. train], [.. test]));
            }
        }

        return splits;
    }

    /// <summary>Holdout splits, one per repeat.</summary>
    public static IReadOnlyList<FoldSplit> Holdout(int rowCount, double testFraction, int repeats, int seed, int[]? strata)
    {
        if (testFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowCount, 2);
        var splits = new List<FoldSplit>(repeats);
        for (var r = 0; r < repeats; r++)
        {
            var rng = new Random(RepeatSeed(seed, r));
            var isTest = new bool[rowCount];
            foreach (var group in Groups(rowCount, strata))
            {
                Shuffle(group, rng);
                var take = (int)Math.Round(testFraction * group.Length, MidpointRounding.AwayFromZero);
                take = Math.Min(take, group.Length - 1);
                for (var i = 0; i < take; i++)
                {
                    isTest[group[i]] = true;
                }
            }

            var test = Enumerable.Range(0, rowCount).Where(i => isTest[i]).ToArray();
            var train = Enumerable.Range(0, rowCount).Where(i => !isTest[i]).ToArray();
            if (test.Length == 0)
            {
                throw new ArgumentException($"A test fraction of {testFraction} leaves no test row out of {rowCount}.", nameof(testFraction));
            }

            splits.Add(new FoldSplit(r, 0, train, test));
        }

        return splits;
    }

    /// <summary>Quantile bins of a numeric target (for stratified regression splits): up to <paramref name="bins"/> strata.</summary>
    public static int[] QuantileStrata(IReadOnlyList<float> values, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var strata = new int[values.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            strata[order[rank]] = (int)((long)rank * bins / order.Length);
        }

        return strata;
    }

    /// <summary>The seed of repeat <paramref name="repeat"/>: a fixed mix so repeats differ and runs reproduce.</summary>
    internal static int RepeatSeed(int seed, int repeat) => unchecked((seed * 1_000_003) ^ (repeat * 7919) ^ 0x5bd1e995) & int.MaxValue;

    private static IEnumerable<int[]> Groups(int rowCount, int[]? strata)
    {
        if (strata is null)
        {
            return [Enumerable.Range(0, rowCount).ToArray()];
        }

        if (strata.Length != rowCount)
        {
            throw new ArgumentException($"Got {strata.Length} strata for {rowCount} rows.", nameof(strata));
        }

        return Enumerable.Range(0, rowCount).GroupBy(i => strata[i]).OrderBy(g => g.Key).Select(g => g.ToArray());
    }

    private static void Shuffle(int[] items, Random rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
