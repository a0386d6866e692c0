using System.Globalization;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Formatting;
using MLPipelines.Reports.Html;
using MLPipelines.Results.Experiments;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Experiments;

/// <summary>
/// The datasets × models table: mean score with the v / * mark and the model's rank on that dataset, the row shaded
/// by rank (darker green = better), then average ranks and the (v/ /*) counts against the baseline, as in Weka.
/// </summary>
internal static class ExperimentMatrix
{
    public static string Render(ExperimentResults results)
    {
        var a = results.Analysis;
        var direction = MetricKinds.DirectionOf(results.Metric);
        var k = a.Models.Count;
        var header = new List<TableCell> { "dataset" };
        header.AddRange(a.Models.Select(m => TableCell.Markup(HtmlText.Escape(m) + (m == a.Baseline ? "<span class=\"tag\">baseline</span>" : ""), "num")));
        var table = new HtmlTable(header);
        for (var d = 0; d < a.Datasets.Count; d++)
        {
            var ranks = Ranks(a.Means[d], direction);
            var cells = new List<TableCell> { a.Datasets[d] };
            for (var m = 0; m < k; m++)
            {
                var mark = a.Marks[d][m] switch
                {
                    "v" => "<span class=\"mark better\" title=\"significantly better than the baseline\">v</span>",
                    "*" => "<span class=\"mark worse\" title=\"significantly worse than the baseline\">*</span>",
                    _ => "",
                };
                var value = HtmlText.Escape(Numbers.Metric(a.Means[d][m]));
                var text = (ranks[m] == 1 ? $"<strong>{value}</strong>" : value) + mark
                    + string.Create(CultureInfo.InvariantCulture, $"<span class=\"ci\">rank {ranks[m]:0.#}</span>");
                var shade = k > 1 ? 0.3 * (k - ranks[m]) / (k - 1) : 0;
                cells.Add(TableCell.Markup(text, "num", string.Create(CultureInfo.InvariantCulture, $"background:rgba(26,127,55,{shade:0.###})")));
            }

            table.Row(cells, null);
        }

        var bestRank = a.Friedman.AverageRanks.Min();
        table.Row([TableCell.Markup("<strong>average rank</strong>"), .. a.Friedman.AverageRanks.Select(r =>
        {
            var text = r.ToString("0.00", CultureInfo.InvariantCulture);
            return TableCell.Markup(Math.Abs(r - bestRank) < 1e-9 ? $"<strong>{text}</strong>" : text, "num");
        })], "best");
        table.Row([TableCell.Text("(v/ /*) vs baseline"), .. a.Models.Select(m => TableCell.Number(a.WinTieLoss.TryGetValue(m, out var w)
            ? string.Create(CultureInfo.InvariantCulture, $"({w.Wins}/{w.Ties}/{w.Losses})")
            : "-"))], null);
        var html = new HtmlBuilder();
        table.AppendTo(html);
        html.Element("p", $"Mean {results.Metric} over each dataset's splits ({MetricKinds.DirectionHint(results.Metric)}); best of each row in bold, rank below (1 = best, ties share the average rank). v / * : significantly better / worse than the baseline {a.Baseline} on that dataset (corrected resampled t-test, α = {a.Friedman.Alpha.ToString("0.##", CultureInfo.InvariantCulture)}). (v/ /*) counts the datasets where a model is better / not different / worse.", "note");
        return html.ToString();
    }

    /// <summary>Ranks of one row, 1 = best in the metric's direction, ties get the average of their ranks.</summary>
    internal static double[] Ranks(IReadOnlyList<double> values, MetricDirection direction)
    {
        var order = Enumerable.Range(0, values.Count)
            .OrderBy(i => direction == MetricDirection.LowerIsBetter ? values[i] : -values[i])
            .ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = ((start + end) / 2.0) + 1;
            }

            start = end + 1;
        }

        return ranks;
    }
}
