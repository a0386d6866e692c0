using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MLPipelines.Reports.Html;
using ScottPlot;

namespace MLPipelines.Reports.Charts;

/// <summary>
/// Turns a ScottPlot plot into SVG that can be inlined in an HTML page: no XML declaration, a viewBox so CSS can
/// scale it, an accessible label, a font stack with fallbacks, and element ids prefixed with a hash of the chart
/// so that the clip paths of several charts on one page cannot collide (ScottPlot numbers them from 1 in each).
/// ScottPlot writes text through Skia's SVG canvas, which XML-escapes it; the reports still clean labels with
/// <see cref="Label"/> so control characters never reach it.
/// </summary>
public static partial class SvgChart
{
    /// <summary>Font asked of Skia (metrics), and the stack the browser falls back on.</summary>
    private const string FontName = "DejaVu Sans";

    private const string FontStack = "DejaVu Sans, Verdana, Arial, sans-serif";

    /// <summary>Longest label drawn in a chart before it is cut with an ellipsis.</summary>
    public const int MaxLabelLength = 40;

    /// <summary>
    /// Default size: two charts side by side on a laptop (scale about 1), one per row on a phone (scale about 0.7,
    /// so 13 px text stays about 9 px). Legends are HTML next to the chart, so the plot keeps the whole width.
    /// </summary>
    public const int Width = 520;

    public const int Height = 340;

    /// <summary>A new plot with the reports' look: sans-serif text and readable sizes.</summary>
    public static Plot NewPlot(string? title = null, string? xLabel = null, string? yLabel = null)
    {
        var plot = new Plot();
        if (title is not null)
        {
            plot.Title(Label(title), size: 15);
        }

        if (xLabel is not null)
        {
            plot.XLabel(Label(xLabel, 80), size: 14);
        }

        if (yLabel is not null)
        {
            plot.YLabel(Label(yLabel, 80), size: 14);
        }

        return plot;
    }

    /// <summary>Renders <paramref name="plot"/> at the default size as inline SVG.</summary>
    public static string Render(Plot plot, string description) => Render(plot, Width, Height, description);

    /// <summary>Renders <paramref name="plot"/> at the given size as inline SVG.</summary>
    /// <param name="plot">The plot.</param>
    /// <param name="width">Width in CSS pixels (the SVG scales down on narrow screens).</param>
    /// <param name="height">Height in CSS pixels.</param>
    /// <param name="description">Accessible description (escaped here).</param>
    public static string Render(Plot plot, int width, int height, string description)
    {
        ArgumentNullException.ThrowIfNull(plot);
        plot.Font.Set(FontName);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.HideLegend();
        var svg = plot.GetSvgXml(width, height);
        return Inline(svg, width, height, description);
    }

    /// <summary>Makes ScottPlot's standalone SVG document inlinable (see the class remarks).</summary>
    public static string Inline(string svg, int width, int height, string description)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new ArgumentException("Not an SVG document: no <svg> element.", nameof(svg));
        }

        svg = svg[start..];
        svg = Attribute().Replace(svg, m => m.Groups[1].Value + "=\"" + LongNumber().Replace(m.Groups[2].Value, n => n.Groups[1].Value) + "\"");
        var prefix = "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(svg)).AsSpan(0, 4)) + "-";
        svg = IdAttribute().Replace(svg, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        svg = svg.Replace("url(#", "url(#" + prefix, StringComparison.Ordinal)
            .Replace("href=\"#", "href=\"#" + prefix, StringComparison.Ordinal)
            .Replace($"font-family=\"{FontName}\"", $"font-family=\"{FontStack}\"", StringComparison.Ordinal);
        var open = string.Create(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{HtmlText.Escape(description)}\" ");
        return open + svg["<svg ".Length..].TrimEnd() + "\n";
    }

    /// <summary>Text safe to hand to ScottPlot: control characters removed, cut at <paramref name="max"/> characters.</summary>
    public static string Label(string text, int max = MaxLabelLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new string([.. text.Where(c => !char.IsControl(c))]);
        return clean.Length <= max ? clean : clean[..(max - 1)] + "…";
    }

    /// <summary>An attribute of ScottPlot's markup (coordinates, paths); text content is never touched.</summary>
    [GeneratedRegex("([A-Za-z][A-Za-z:-]*)=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    /// <summary>A decimal with more than two digits after the point: kept to two (a hundredth of a pixel).</summary>
    [GeneratedRegex(@"(\d+\.\d{1,2})\d+")]
    private static partial Regex LongNumber();

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
