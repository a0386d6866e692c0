using System.Globalization;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Formatting;

namespace MLPipelines.Reports.Html;

/// <summary>
/// Models ranked on the primary metric: mean ± std, the 95% interval and the v / * mark against the baseline for
/// every metric, then fit time and prediction throughput.
/// </summary>
internal static class LeaderboardSection
{
    public static string Render(ReportContext context)
    {
        var findings = context.Findings;
        // The rank sits in the model cell so that the model name is the column pinned while a phone scrolls the
        // metrics sideways; the trainer column is hidden on narrow screens (it is in the configuration section).
        var header = new List<TableCell> { "model", TableCell.Text("trainer", "wide-only") };
        header.AddRange(findings.Metrics.Select(m => TableCell.Markup(
            (m == findings.PrimaryMetric ? $"<u>{HtmlText.Escape(m)}</u>" : HtmlText.Escape(m)) + (MetricKinds.LowerIsBetter(m) ? " ↓" : " ↑"),
            "num",
            title: MetricKinds.DirectionHint(m))));
        header.Add(TableCell.Number("fit s", "mean seconds to fit preprocessing + trainer on one training split"));
        header.Add(TableCell.Number("predict rows/s", "test rows scored per second"));
        var table = new HtmlTable(header);
        for (var i = 0; i < findings.Ranked.Count; i++)
        {
            var model = findings.Ranked[i];
            var name = $"<span class=\"rank\">{(i + 1).ToString(CultureInfo.InvariantCulture)}</span>" + context.ModelLabel(model.Name)
                + (model.Name == findings.Baseline ? "<span class=\"tag\">baseline</span>" : "");
            var cells = new List<TableCell>
            {
                TableCell.Markup(name),
                TableCell.Text(model.Trainer, "wide-only"),
            };
            cells.AddRange(findings.Metrics.Select(metric => MetricCell(findings.SummaryOf(model.Name, metric))));
            cells.Add(TableCell.Number(Numbers.Seconds(model.FitSeconds.Mean)));
            // Tuned and ensembled rows score through their inner models' bag: no single model's speed to show.
            cells.Add(model.PredictRowsPerSecond > 0
                ? TableCell.Number(Numbers.Count(model.PredictRowsPerSecond))
                : TableCell.Number("–", "not measured: a tuned row predicts through its inner models' bag"));
            table.Row(cells, i == 0 ? "best" : null);
        }

        var html = new HtmlBuilder();
        table.AppendTo(html);
        html.Element("p", Legend(findings), "note");
        return html.ToString();
    }

    /// <summary>Markup of one metric cell: "mean ± std" with the mark, the interval on a second line.</summary>
    internal static TableCell MetricCell(ModelSummary? summary)
    {
        if (summary is null)
        {
            return TableCell.Number("-");
        }

        var text = HtmlText.Escape(Numbers.Metric(summary.Mean));
        if (double.IsFinite(summary.Std) && summary.Std > 0)
        {
            text += " ± " + HtmlText.Escape(Numbers.Metric(summary.Std));
        }

        text += summary.Mark switch
        {
            "v" => "<span class=\"mark better\" title=\"significantly better than the baseline\">v</span>",
            "*" => "<span class=\"mark worse\" title=\"significantly worse than the baseline\">*</span>",
            _ => "",
        };
        if (summary is { Low: { } low, High: { } high })
        {
            text += $"<span class=\"ci\">[{HtmlText.Escape(Numbers.Metric(low))}, {HtmlText.Escape(Numbers.Metric(high))}]</span>";
        }

        return TableCell.Markup(text, "num");
    }

    private static string Legend(RunFindings findings)
    {
        if (!findings.Testable)
        {
            return $"Ranked on {findings.PrimaryMetric} (underlined). One split only: no spread, interval or test. ↑ higher is better, ↓ lower is better.";
        }

        var baseline = findings.Baseline is { } b ? $" the baseline {b} ({findings.BaselineReason})" : " the baseline";
        return string.Create(CultureInfo.InvariantCulture,
            $"Ranked on {findings.PrimaryMetric} (underlined); ↑ higher is better, ↓ lower is better. Mean ± standard deviation over the {findings.Splits} splits; in brackets the 95% confidence interval of the mean, corrected for overlapping training sets (Nadeau and Bengio 2003). v / * : significantly better / worse than{baseline} on that metric (corrected resampled t-test, α = {findings.Alpha:0.##}, each test on its own, as in Weka's Experimenter).");
    }
}
