using System.Globalization;

namespace MLPipelines.Spec.Declarations;

/// <summary>A declared numeric range (either end optional, either end exclusive) as text and as a test.</summary>
public static class NumberRange
{
    /// <summary>The range as text, e.g. <c>&gt;= 2 and &lt;= 100</c>; empty when unbounded.</summary>
    public static string Text(double? min, double? max, bool minExclusive, bool maxExclusive)
    {
        var parts = new List<string>(2);
        if (min is { } low)
        {
            parts.Add($"{(minExclusive ? ">" : ">=")} {Number(low)}");
        }

        if (max is { } high)
        {
            parts.Add($"{(maxExclusive ? "<" : "<=")} {Number(high)}");
        }

        return string.Join(" and ", parts);
    }

    /// <summary>Whether <paramref name="number"/> lies in the range (NaN never does when the range has an end).</summary>
    public static bool Contains(double number, double? min, double? max, bool minExclusive, bool maxExclusive)
    {
        var tooSmall = min is { } low && !(minExclusive ? number > low : number >= low);
        var tooLarge = max is { } high && !(maxExclusive ? number < high : number <= high);
        return !tooSmall && !tooLarge;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
