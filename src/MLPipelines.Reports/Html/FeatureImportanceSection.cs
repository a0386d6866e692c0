using System.Globalization;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results;

namespace MLPipelines.Reports.Html;

/// <summary>
/// Permutation feature importance of each model that has it: the top features as bars; for image models the
/// block grid as a heat map; all features in a collapsed table.
/// </summary>
internal static class FeatureImportanceSection
{
    /// <summary>Features drawn per model.</summary>
    public const int TopCount = 15;

    public static string? Render(ReportContext context)
    {
        var models = context.Results.Models.Where(m => m.FeatureImportance?.Features.Count > 0).ToList();
        if (models.Count == 0)
        {
            return null;
        }

        var first = models[0].FeatureImportance!;
        var html = new HtmlBuilder();
        html.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"How much {first.Metric} gets worse when one {(first.Unit == "image_blocks" ? "block of pixels" : "input column")} is shuffled among the test rows of a split (so the model sees real values that no longer go with the row), averaged over {first.Splits} split(s) × {first.Permutations} shuffle(s) on up to {first.RowsPerSplit:N0} test rows each. {(first.Unit == "image_blocks" ? "Cells: the mean loss, darker = larger; the table below gives mean ± one standard deviation." : "Bars: mean ± one standard deviation.")} About 0 = the model does not use the feature; below 0 = noise."), "note");
        html.Open("div", "grid");
        foreach (var model in models)
        {
            var importance = model.FeatureImportance!;
            if (importance.Unit == "image_blocks" && importance.Grid is { } grid)
            {
                html.Open("div").Raw("<h3>").Raw(context.ModelLabel(model.Name)).Raw("</h3>\n");
                BlockGrid(importance, grid).AppendTo(html);
                html.Close("div");
                continue;
            }

            var top = importance.Features.OrderByDescending(f => f.Importance).Take(TopCount)
                .Select(f => (f.Feature, f.Importance, f.Std)).ToList();
            html.Figure(FeatureImportanceChart.Render(model.Name, context.ColorIndex(model.Name), top, importance.Metric),
                importance.Features.Count > TopCount ? string.Create(CultureInfo.InvariantCulture, $"Top {TopCount} of {importance.Features.Count} features") : null);
        }

        html.Close("div");
        AppendTable(html, context, models);
        return html.ToString();
    }

    private static void AppendTable(HtmlBuilder html, ReportContext context, List<ModelResult> models)
    {
        var features = models.SelectMany(m => m.FeatureImportance!.Features.Select(f => f.Feature)).Distinct(StringComparer.Ordinal).ToList();
        var lookup = models.ToDictionary(m => m.Name, m => m.FeatureImportance!.Features.GroupBy(f => f.Feature, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal), StringComparer.Ordinal);
        var ordered = features.OrderByDescending(f => models.Average(m => lookup[m.Name].TryGetValue(f, out var e) ? e.Importance : 0)).ToList();
        var table = new HtmlTable([TableCell.Text("feature"), .. models.Select(m => TableCell.Markup(context.ModelLabel(m.Name), "num"))]);
        foreach (var feature in ordered)
        {
            table.Row([TableCell.Text(feature), .. models.Select(m => lookup[m.Name].TryGetValue(feature, out var e)
                ? TableCell.Number($"{Numbers.Metric(e.Importance)} ± {Numbers.Metric(e.Std)}")
                : TableCell.Number("-"))], null);
        }

        html.OpenDetails($"All {ordered.Count} features, every model (sorted by mean importance)");
        table.AppendTo(html);
        html.Close("details");
    }

    private static HtmlTable BlockGrid(FeatureImportanceResult importance, ImportanceGridResult grid)
    {
        var max = Math.Max(1e-12, importance.Features.Max(f => f.Importance));
        var cells = importance.Features.Where(f => f.GridRow is not null && f.GridColumn is not null)
            .ToDictionary(f => (f.GridRow!.Value, f.GridColumn!.Value));
        var table = new HtmlTable([TableCell.Text(""), .. Enumerable.Range(0, grid.Columns).Select(c => TableCell.Number((c + 1).ToString(CultureInfo.InvariantCulture)))])
        {
            Class = "matrix",
            Caption = string.Create(CultureInfo.InvariantCulture, $"{grid.Rows} × {grid.Columns} blocks of {grid.BlockSize} px; darker = more important"),
        };
        for (var r = 0; r < grid.Rows; r++)
        {
            var row = new List<TableCell> { TableCell.Text((r + 1).ToString(CultureInfo.InvariantCulture)) };
            for (var c = 0; c < grid.Columns; c++)
            {
                var value = cells.TryGetValue((r, c), out var e) ? e.Importance : double.NaN;
                var share = double.IsFinite(value) ? Math.Clamp(value / max, 0, 1) : 0;
                row.Add(TableCell.Markup("", null, string.Create(CultureInfo.InvariantCulture, $"background:rgba(207,34,46,{share:0.###})"), Numbers.Metric(value)));
            }

            table.Row(row, null);
        }

        return table;
    }
}
