using System.Globalization;

namespace MLPipelines.Reports.Markdown;

/// <summary>Formatting shared by the Markdown reports: table-safe text and invariant numbers.</summary>
internal static class MarkdownText
{
    /// <summary>Text safe inside a Markdown table cell.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Four decimals, <c>n/a</c> for NaN.</summary>
    public static string Num(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>A p-value: three significant digits, <c>&lt; 0.0001</c> below that, <c>n/a</c> when undefined.</summary>
    public static string P(double? p) => p switch
    {
        null => "n/a",
        < 0.0001 => "< 0.0001",
        { } v => v.ToString("G3", CultureInfo.InvariantCulture),
    };

    /// <summary>"p = 0.0123", or "p &lt; 0.0001" (never "p = &lt; 0.0001").</summary>
    public static string PEq(double? p) => p < 0.0001 ? "p < 0.0001" : "p = " + P(p);

    public static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
