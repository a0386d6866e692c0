using System.Globalization;

namespace MLPipelines.Data;

/// <summary>
/// What schema inference learns from one column's values, gathered one value at a time: missing and number counts,
/// the first value that is not a number, range, mean and spread (Welford), and the count of each distinct text while
/// there are at most <see cref="MaxCounted"/> of them (all of them when unlimited). With
/// <paramref name="limitFractionsOnly"/>, only a column whose values so far are all numbers, not all integers, stops
/// counting at the limit (what such a column is does not depend on its count); others count every text.
/// </summary>
internal sealed class ColumnStats(int maxCounted = int.MaxValue, bool limitFractionsOnly = false)
{
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private double _mean;

    /// <summary>Distinct texts counted at most (past it <see cref="Counts"/> is null).</summary>
    public int MaxCounted { get; } = maxCounted;

    /// <summary>Count of each distinct non-missing text; null once there were more than <see cref="MaxCounted"/>.</summary>
    public Dictionary<string, int>? Counts { get; private set; } = new(StringComparer.Ordinal);

    public int Rows { get; private set; }

    public int Missing { get; private set; }

    public int Numbers { get; private set; }

    /// <summary>0-based row of the first non-missing value that is not a number, or -1.</summary>
    public int FirstNonNumber { get; private set; } = -1;

    /// <summary>That value, trimmed.</summary>
    public string? FirstNonNumberText { get; private set; }

    public bool Integers { get; private set; } = true;

    public double Min { get; private set; } = double.MaxValue;

    public double Max { get; private set; } = double.MinValue;

    public double Sum { get; private set; }

    public double Squares { get; private set; }

    public int Present => Rows - Missing;

    public bool AllNumbers => Present > 0 && Numbers == Present;

    /// <summary>
    /// Adds the next row's value, already trimmed; returns the column's string for it while its texts are counted
    /// (one string per distinct text), else null.
    /// </summary>
    public string? Add(ReadOnlySpan<char> text, MissingValueSet missing, out bool isMissing, out bool isNumber) =>
        Add(text, missing, out isMissing, out isNumber, out _);

    /// <summary>As the other overload; <paramref name="single"/> is the value as <c>float.Parse</c> reads it when it is a number.</summary>
    public string? Add(ReadOnlySpan<char> text, MissingValueSet missing, out bool isMissing, out bool isNumber, out float single)
    {
        isNumber = false;
        single = float.NaN;
        isMissing = missing.IsMissing(text);
        if (isMissing)
        {
            AddMissing();
            return null;
        }

        var row = Rows++;
        string? value = null;
        if (Counts is { } counts)
        {
            if (_lookup.Dictionary is null)
            {
                _lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
            }

            if (_lookup.TryGetValue(text, out var actual, out var n))
            {
                counts[actual] = n + 1;
                value = actual;
            }
            else if (counts.Count < MaxCounted || (limitFractionsOnly && !(FirstNonNumber < 0 && Numbers > 0 && !Integers)))
            {
                value = text.ToString();
                counts[value] = 1;
            }
            else
            {
                Counts = null;
            }
        }

        isNumber = NumberParser.TryParse(text, out var x, out single);
        if (isNumber)
        {
            AddNumber(x);
        }
        else if (FirstNonNumber < 0)
        {
            FirstNonNumber = row;
            FirstNonNumberText = value ?? text.ToString();
        }

        return value;
    }

    /// <summary>The next row's value is missing: as <see cref="Add(ReadOnlySpan{char}, MissingValueSet, out bool, out bool)"/> with a missing text.</summary>
    public void AddMissing()
    {
        Rows++;
        Missing++;
    }

    /// <summary>
    /// The next row's value is the number <paramref name="x"/> and its text is not counted (<see cref="Counts"/> is
    /// null): as <see cref="Add(ReadOnlySpan{char}, MissingValueSet, out bool, out bool)"/> with its text, for a
    /// reader that parsed it already.
    /// </summary>
    public void AddUncounted(double x)
    {
        Rows++;
        AddNumber(x);
    }

    private void AddNumber(double x)
    {
        Numbers++;
        Integers &= x == Math.Floor(x);
        // Math.Min / Math.Max only when they may change something (they order -0 before 0); most values skip both.
        if (x <= Min)
        {
            Min = Math.Min(Min, x);
        }

        if (x >= Max)
        {
            Max = Math.Max(Max, x);
        }

        Sum += x;
        // Welford's update: no cancellation when values are large and close together.
        var delta = x - _mean;
        _mean += delta / Numbers;
        Squares += delta * (x - _mean);
    }

    /// <summary>The <paramref name="k"/> most frequent texts, ties in ordinal order (as sorting all by count, then text).</summary>
    public List<(string Value, int Count)> Top(int k)
    {
        var top = new List<(string Value, int Count)>(k + 1);
        foreach (var (value, count) in Counts ?? [])
        {
            if (top.Count == k && !Before(value, count, top[k - 1]))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && Before(value, count, top[at - 1]))
            {
                at--;
            }

            top.Insert(at, (value, count));
            if (top.Count > k)
            {
                top.RemoveAt(k);
            }
        }

        return top;

        static bool Before(string value, int count, (string Value, int Count) other) =>
            count > other.Count || (count == other.Count && string.CompareOrdinal(value, other.Value) < 0);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rows} rows, {Missing} missing, {Numbers} numbers");
}
