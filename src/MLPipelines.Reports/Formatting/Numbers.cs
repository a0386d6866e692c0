using System.Globalization;

namespace MLPipelines.Reports.Formatting;

/// <summary>Invariant-culture number formatting shared by the HTML and Markdown reports.</summary>
public static class Numbers
{
    /// <summary>
    /// A metric value: 4 decimals below 10 (accuracy 0.9533, log loss 0.0812), fewer as values grow (rmse 1234.5),
    /// thousands separators from 10,000 on; <c>n/a</c> for NaN or infinity.
    /// </summary>
    public static string Metric(double value)
    {
        if (!double.IsFinite(value))
        {
            return "n/a";
        }

        var magnitude = Math.Abs(value);
        var format = magnitude switch
        {
            < 10 => "F4",
            < 100 => "F3",
            < 10_000 => "F1",
            _ => "N0",
        };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A p-value: 3 significant digits, "&lt; 0.001" below 0.001, "n/a" when null.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "n/a",
        < 0.001 => "< 0.001",
        { } v => v.ToString(v >= 0.1 ? "F2" : "F3", CultureInfo.InvariantCulture),
    };

    /// <summary>Seconds: 2 decimals below 10 s, 1 decimal below 1000 s, whole seconds above.</summary>
    public static string Seconds(double seconds) =>
        !double.IsFinite(seconds) ? "n/a" : seconds.ToString(seconds < 10 ? "F2" : seconds < 1000 ? "F1" : "N0", CultureInfo.InvariantCulture);

    /// <summary>A count or rate with thousands separators, no decimals.</summary>
    public static string Count(double value) => !double.IsFinite(value) ? "n/a" : value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal (0.953 → 95.3%).</summary>
    public static string Percent(double fraction) =>
        !double.IsFinite(fraction) ? "n/a" : (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";

    /// <summary>A number with up to <paramref name="decimals"/> decimals, trailing zeros kept.</summary>
    public static string Fixed(double value, int decimals) =>
        !double.IsFinite(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
