using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Formatting;

namespace MLPipelines.Reports.Html;

/// <summary>The primary metric on every split: a table (best of each split in bold) and a line chart.</summary>
internal static class FoldsSection
{
    public static string? Render(ReportContext context)
    {
        var findings = context.Findings;
        var metric = findings.PrimaryMetric;
        var models = findings.Ranked.Where(m => m.Metrics.ContainsKey(metric) && m.Folds.Count > 0).ToList();
        if (models.Count == 0)
        {
            return null;
        }

        var splits = models[0].Folds;
        var best = Enumerable.Range(0, splits.Count).Select(i => BestOf(models.Select(m => ValueAt(m.Metrics[metric].Folds, i)), metric)).ToList();
        var table = new HtmlTable([TableCell.Text("model"), .. splits.Select(f => TableCell.Number(context.SplitName(f))), TableCell.Number("mean")]);
        foreach (var model in models)
        {
            var folds = model.Metrics[metric].Folds;
            var cells = new List<TableCell> { TableCell.Markup(context.ModelLabel(model.Name)) };
            cells.AddRange(Enumerable.Range(0, splits.Count).Select(i =>
            {
                var value = ValueAt(folds, i);
                var text = HtmlText.Escape(Numbers.Metric(value));
                return TableCell.Markup(value == best[i] && models.Count > 1 ? $"<strong>{text}</strong>" : text, "num");
            }));
            cells.Add(TableCell.Number(Numbers.Metric(model.Metrics[metric].Mean)));
            table.Row(cells, null);
        }

        var html = new HtmlBuilder();
        html.Element("p", $"{metric} on the test rows of each split ({MetricKinds.DirectionHint(metric)}); the best model of each split in bold. Every model saw the same splits.", "note");
        table.AppendTo(html);
        if (splits.Count > 1)
        {
            var series = models.Select(m => new ChartSeries(
                m.Name, context.ColorIndex(m.Name), [.. Enumerable.Range(0, m.Metrics[metric].Folds.Count).Select(i => (double)i)], [.. m.Metrics[metric].Folds])).ToList();
            html.Raw(context.Legend(models.Select(m => m.Name)));
            html.Open("div", "grid").Figure(FoldScoresChart.Render(series, [.. splits.Select(context.SplitName)], metric)).Close("div");
        }

        return html.ToString();
    }

    private static double ValueAt(IReadOnlyList<double> folds, int i) => i < folds.Count ? folds[i] : double.NaN;

    private static double BestOf(IEnumerable<double> values, string metric)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count == 0 ? double.NaN : MetricKinds.LowerIsBetter(metric) ? finite.Min() : finite.Max();
    }
}
