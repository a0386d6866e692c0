using System.Globalization;
using System.Text;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Charts;

/// <summary>
/// Renders a critical-difference diagram (Demšar 2006, Fig. 1) as standalone SVG: an axis of average ranks
/// (1 = best, on the left), each model hung from its rank with its name to the side (better half left, worse
/// half right), the critical difference drawn as a scale bar above the axis, and a thick bar joining each group
/// of models whose ranks differ by less than CD. Every name and the title are XML-escaped, so the string can be
/// written to an .svg file or inlined in HTML as is.
/// </summary>
public static class CriticalDifferenceDiagram
{
    private const double CharWidth = 7.2;
    private const double RowHeight = 22;
    private const double GroupSpacing = 9;
    private const double FontSize = 13;

    /// <summary>Renders the diagram of a Nemenyi result.</summary>
    public static string Render(NemenyiResult result, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render(result.Models, result.AverageRanks, result.CriticalDifference, result.Groups, title);
    }

    /// <summary>Renders the diagram from average ranks, a critical difference and the non-significant groups.</summary>
    /// <param name="models">Model names.</param>
    /// <param name="averageRanks">Average rank of each model, in <paramref name="models"/> order, within [1, k].</param>
    /// <param name="criticalDifference">CD in rank units; drawn as the scale bar.</param>
    /// <param name="groups">Groups joined by a bar (see <see cref="NemenyiTest.Groups"/>).</param>
    /// <param name="title">Optional title above the diagram.</param>
    public static string Render(
        IReadOnlyList<string> models,
        IReadOnlyList<double> averageRanks,
        double criticalDifference,
        IReadOnlyList<RankGroup> groups,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(averageRanks);
        ArgumentNullException.ThrowIfNull(groups);
        if (models.Count < 2 || models.Count != averageRanks.Count)
        {
            throw new ArgumentException($"Need at least 2 models with one average rank each, got {models.Count} models and {averageRanks.Count} ranks.", nameof(averageRanks));
        }

        if (averageRanks.Any(r => !double.IsFinite(r)) || !double.IsFinite(criticalDifference) || criticalDifference < 0)
        {
            throw new ArgumentException("Average ranks and the critical difference must be finite (and CD ≥ 0).", nameof(criticalDifference));
        }

        var layout = new Layout(models, averageRanks, groups.Count, title is not null, criticalDifference);
        var svg = new StringBuilder();
        string label = title ?? "Critical difference diagram";
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(layout.Width)}\" height=\"{F(layout.Height)}\" viewBox=\"0 0 {F(layout.Width)} {F(layout.Height)}\" role=\"img\" aria-label=\"{Escape(label)}\" font-family=\"sans-serif\" font-size=\"{F(FontSize)}\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <title>{Escape(label)}</title>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (title is not null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"  <text x=\"{F(layout.Width / 2)}\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">{Escape(title)}</text>\n");
        }

        AppendCriticalDifference(svg, layout, criticalDifference);
        AppendAxis(svg, layout);
        AppendGroups(svg, layout, groups);
        AppendModels(svg, layout);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void AppendCriticalDifference(StringBuilder svg, Layout layout, double cd)
    {
        double y = layout.AxisY - 32;
        double x1 = layout.X(1);
        double x2 = layout.X(1 + cd);
        svg.Append(CultureInfo.InvariantCulture, $"  <g class=\"cd\" stroke=\"#000000\" stroke-width=\"1.5\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{F(x1)}\" y1=\"{F(y)}\" x2=\"{F(x2)}\" y2=\"{F(y)}\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{F(x1)}\" y1=\"{F(y - 4)}\" x2=\"{F(x1)}\" y2=\"{F(y + 4)}\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{F(x2)}\" y1=\"{F(y - 4)}\" x2=\"{F(x2)}\" y2=\"{F(y + 4)}\"/>\n");
        svg.Append("  </g>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"  <text x=\"{F((x1 + x2) / 2)}\" y=\"{F(y - 7)}\" text-anchor=\"middle\">CD = {cd.ToString("0.###", CultureInfo.InvariantCulture)}</text>\n");
    }

    private static void AppendAxis(StringBuilder svg, Layout layout)
    {
        double y = layout.AxisY;
        svg.Append(CultureInfo.InvariantCulture, $"  <g class=\"axis\" stroke=\"#000000\" stroke-width=\"1\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{F(layout.X(1))}\" y1=\"{F(y)}\" x2=\"{F(layout.X(layout.Count))}\" y2=\"{F(y)}\"/>\n");
        for (int tick = 2; tick <= 2 * layout.Count; tick++)
        {
            double rank = tick / 2.0;
            double length = tick % 2 == 0 ? 7 : 4;
            svg.Append(CultureInfo.InvariantCulture, $"    <line x1=\"{F(layout.X(rank))}\" y1=\"{F(y - length)}\" x2=\"{F(layout.X(rank))}\" y2=\"{F(y)}\"/>\n");
        }

        svg.Append("  </g>\n");
        for (int rank = 1; rank <= layout.Count; rank++)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"  <text x=\"{F(layout.X(rank))}\" y=\"{F(y - 10)}\" text-anchor=\"middle\" font-size=\"11\">{rank}</text>\n");
        }
    }

    private static void AppendGroups(StringBuilder svg, Layout layout, IReadOnlyList<RankGroup> groups)
    {
        for (int g = 0; g < groups.Count; g++)
        {
            double y = layout.AxisY + 12 + (g * GroupSpacing);
            double x1 = layout.X(groups[g].BestRank) - 5;
            double x2 = layout.X(groups[g].WorstRank) + 5;
            string members = Escape(string.Join(", ", groups[g].Models));
            svg.Append(CultureInfo.InvariantCulture,
                $"  <line class=\"group\" x1=\"{F(x1)}\" y1=\"{F(y)}\" x2=\"{F(x2)}\" y2=\"{F(y)}\" stroke=\"#000000\" stroke-width=\"4\" stroke-linecap=\"round\"><title>{members}</title></line>\n");
        }
    }

    private static void AppendModels(StringBuilder svg, Layout layout)
    {
        foreach (var entry in layout.Entries)
        {
            double x = layout.X(entry.Rank);
            double rowY = layout.RowsY + (entry.Row * RowHeight);
            double endX = entry.OnLeft ? layout.AxisLeft - 10 : layout.AxisRight + 10;
            string anchor = entry.OnLeft ? "end" : "start";
            double textX = entry.OnLeft ? endX - 4 : endX + 4;
            string rank = entry.Rank.ToString("0.00", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture,
                $"  <polyline class=\"model\" points=\"{F(x)},{F(layout.AxisY)} {F(x)},{F(rowY)} {F(endX)},{F(rowY)}\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n");
            svg.Append(CultureInfo.InvariantCulture,
                $"  <text x=\"{F(textX)}\" y=\"{F(rowY + 4)}\" text-anchor=\"{anchor}\">{Escape(entry.Name)} <tspan fill=\"#555555\" font-size=\"11\">({rank})</tspan></text>\n");
        }
    }

    /// <summary>
    /// Escapes text for XML content and attributes (&amp;, &lt;, &gt;, both quotes) and drops characters XML 1.0
    /// forbids (control characters, lone surrogates), which would otherwise make the document unparsable.
    /// </summary>
    internal static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '"': result.Append("&quot;"); break;
                case '\'': result.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        result.Append(c).Append(text[++i]);
                    }
                    else if (c is '\t' or '\n' or '\r' || (c >= 0x20 && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF'))
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // Geometry: which side and row each model's label goes to, and how wide the text columns must be.
    private sealed class Layout
    {
        public Layout(IReadOnlyList<string> models, IReadOnlyList<double> ranks, int groupCount, bool hasTitle, double criticalDifference)
        {
            Count = models.Count;
            var order = Enumerable.Range(0, Count).OrderBy(i => ranks[i]).ThenBy(i => i).ToArray();
            int leftCount = (Count + 1) / 2;
            var entries = new List<Entry>();
            for (int position = 0; position < Count; position++)
            {
                int i = order[position];
                bool onLeft = position < leftCount;

                // Left: the best model takes the top row; right: the worst does, so no two lines cross.
                int row = onLeft ? position : Count - 1 - position;
                entries.Add(new Entry(models[i], ranks[i], onLeft, row));
            }

            Entries = entries;
            double longestLeft = entries.Where(e => e.OnLeft).Max(e => LabelLength(e));
            double longestRight = entries.Where(e => !e.OnLeft).DefaultIfEmpty().Max(e => e is null ? 0 : LabelLength(e));
            AxisLeft = 30 + longestLeft;
            double axisWidth = Math.Max(320, 70.0 * (Count - 1));
            AxisRight = AxisLeft + axisWidth;
            Width = Math.Max(AxisRight + longestRight, X(1 + criticalDifference)) + 30;
            AxisY = hasTitle ? 90 : 66;
            RowsY = AxisY + 12 + (groupCount * GroupSpacing) + 14;
            int rows = Math.Max(leftCount, Count - leftCount);
            Height = RowsY + ((rows - 1) * RowHeight) + 20;
        }

        public int Count { get; }

        public IReadOnlyList<Entry> Entries { get; }

        public double AxisLeft { get; }

        public double AxisRight { get; }

        public double AxisY { get; }

        public double RowsY { get; }

        public double Width { get; }

        public double Height { get; }

        /// <summary>x of an average rank: rank 1 at the left end of the axis, rank k at the right end.</summary>
        public double X(double rank) => AxisLeft + ((rank - 1) / (Count - 1) * (AxisRight - AxisLeft));

        // Estimated text width: name plus " (r.rr)" in the smaller font, plus the gap to the line end.
        private static double LabelLength(Entry entry) => (entry.Name.Length * CharWidth) + 48;
    }

    private sealed record Entry(string Name, double Rank, bool OnLeft, int Row);
}
