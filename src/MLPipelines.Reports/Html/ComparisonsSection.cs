using System.Globalization;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Html;

/// <summary>The paired t-tests: primary metric in the open, the other metrics folded away.</summary>
internal static class ComparisonsSection
{
    public static string? Render(ReportContext context)
    {
        var findings = context.Findings;
        var comparisons = findings.Comparisons;
        if (comparisons.Count == 0)
        {
            return null;
        }

        var html = new HtmlBuilder();
        var holm = comparisons.Any(c => c.PValueHolm is not null);
        html.Element("p", !findings.Testable
            ? $"Each model against the baseline {findings.Baseline} on the single split: the difference of one score each, which no test can qualify (that needs several splits: k-fold or repeated holdout)."
            : holm
            ? "Every pair of models, corrected resampled t-test per metric; p-values Holm-adjusted within each metric, and significance decided on the adjusted p."
            : $"Each model against the baseline {findings.Baseline}, corrected resampled t-test (Nadeau and Bengio 2003) over the {findings.Splits} shared splits. Difference = A − B in the metric's units; W/T/L = splits where A scored better / the same / worse.", "note");
        Table(context, comparisons.Where(c => c.Metric == findings.PrimaryMetric).ToList(), holm).AppendTo(html);
        var others = comparisons.Where(c => c.Metric != findings.PrimaryMetric).ToList();
        if (others.Count > 0)
        {
            html.OpenDetails($"Other metrics ({string.Join(", ", others.Select(c => c.Metric).Distinct(StringComparer.Ordinal))})");
            Table(context, others, holm).AppendTo(html);
            html.Close("details");
        }

        return html.ToString();
    }

    private static HtmlTable Table(ReportContext context, IReadOnlyList<PairedComparison> comparisons, bool holm)
    {
        var header = new List<TableCell> { "A", "B", "metric", TableCell.Number("difference"), TableCell.Number("t"), TableCell.Number("p") };
        if (holm)
        {
            header.Add(TableCell.Number("p (Holm)"));
        }

        header.AddRange(["result", TableCell.Number("W/T/L")]);
        var table = new HtmlTable(header);
        foreach (var c in comparisons)
        {
            var cells = new List<TableCell>
            {
                TableCell.Markup(context.ModelLabel(c.A)),
                TableCell.Markup(context.ModelLabel(c.B)),
                c.Metric,
                TableCell.Number(Signed(c.MeanDiff)),
                TableCell.Number(c.T is { } t ? t.ToString("F3", CultureInfo.InvariantCulture) : "n/a"),
                TableCell.Number(Numbers.PValue(c.PValue)),
            };
            if (holm)
            {
                cells.Add(TableCell.Number(Numbers.PValue(c.PValueHolm)));
            }

            cells.Add(c.PValue is null ? TableCell.Text("no test (one split)", "note")
                : c.Better is { } better ? TableCell.Markup($"<strong>{HtmlText.Escape(better)}</strong> better")
                : TableCell.Text("not significant"));
            cells.Add(TableCell.Number(string.Create(CultureInfo.InvariantCulture, $"{c.FoldWins}/{c.FoldTies}/{c.FoldLosses}")));
            table.Row(cells, null);
        }

        return table;
    }

    private static string Signed(double value) => (value > 0 ? "+" : "") + Numbers.Metric(value);
}
