namespace MLPipelines.Reports.Curves;

/// <summary>Counts of (actual class, predicted class) pairs; rows are actual classes, columns predicted ones.</summary>
public sealed class ConfusionMatrix
{
    private ConfusionMatrix(IReadOnlyList<string> classes, int[,] counts, int unmatched)
    {
        Classes = classes;
        Counts = counts;
        Unmatched = unmatched;
    }

    /// <summary>Class labels, the order of rows and columns.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>[actual, predicted] counts.</summary>
    public int[,] Counts { get; }

    /// <summary>Rows whose actual or predicted label is not one of <see cref="Classes"/> (left out of the counts).</summary>
    public int Unmatched { get; }

    /// <summary>Rows counted.</summary>
    public int Total => Counts.Cast<int>().Sum();

    /// <summary>Rows of actual class <paramref name="row"/>.</summary>
    public int RowTotal(int row) => Enumerable.Range(0, Classes.Count).Sum(c => Counts[row, c]);

    /// <summary>Share of counted rows on the diagonal.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Enumerable.Range(0, Classes.Count).Sum(k => Counts[k, k]) / Total;

    /// <summary>Counts the pairs of <paramref name="actual"/> and <paramref name="predicted"/> labels.</summary>
    public static ConfusionMatrix Compute(IReadOnlyList<string> actual, IReadOnlyList<string> predicted, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(classes);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < classes.Count; k++)
        {
            index.TryAdd(classes[k], k);
        }

        var counts = new int[classes.Count, classes.Count];
        var unmatched = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (index.TryGetValue(actual[i], out var a) && index.TryGetValue(predicted[i], out var p))
            {
                counts[a, p]++;
            }
            else
            {
                unmatched++;
            }
        }

        return new ConfusionMatrix(classes, counts, unmatched);
    }
}
