using System.Globalization;
using MLPipelines.Reports.Curves;
using MLPipelines.Reports.Formatting;

namespace MLPipelines.Reports.Html;

/// <summary>
/// One confusion matrix per classifier: counts, and the share of each actual class (row-normalized, the per-class
/// recall) as the cell's shade and second line.
/// </summary>
internal static class ConfusionSection
{
    public static string? Render(ReportContext context)
    {
        var dataset = context.Results.Dataset;
        if (context.Results.Task is not ("binary" or "multiclass") || dataset.Classes.Count == 0 || context.Content.Predictions.Count == 0)
        {
            return null;
        }

        var html = new HtmlBuilder();
        html.Element("p", "Rows: actual class; columns: predicted class. Each cell: the count and, below, its share of the actual class (row-normalized; the diagonal is each class's recall). Darker = larger share.", "note");
        html.Open("div", "grid");
        foreach (var sample in context.Content.Predictions)
        {
            var matrix = ConfusionMatrix.Compute(sample.Actual, sample.Predicted, dataset.Classes);
            html.Open("div").Raw("<h3>").Raw(context.ModelLabel(sample.Model.Name)).Raw("</h3>\n");
            Table(matrix).AppendTo(html);
            var note = string.Create(CultureInfo.InvariantCulture, $"Accuracy {Numbers.Percent(matrix.Accuracy)} of {matrix.Total:N0} rows.");
            if (matrix.Unmatched > 0)
            {
                note += string.Create(CultureInfo.InvariantCulture, $" {matrix.Unmatched:N0} row(s) with a label outside the classes are not counted.");
            }

            html.Element("p", note, "note").Close("div");
        }

        html.Close("div");
        return html.ToString();
    }

    private static HtmlTable Table(ConfusionMatrix matrix)
    {
        var classes = matrix.Classes;
        var table = new HtmlTable([TableCell.Text("actual \\ predicted"), .. classes.Select(c => TableCell.Text(c))]) { Class = "matrix" };
        for (var a = 0; a < classes.Count; a++)
        {
            var total = matrix.RowTotal(a);
            var cells = new List<TableCell> { TableCell.Text(classes[a], title: string.Create(CultureInfo.InvariantCulture, $"{total:N0} rows")) };
            for (var p = 0; p < classes.Count; p++)
            {
                var count = matrix.Counts[a, p];
                var share = total == 0 ? 0 : (double)count / total;
                var style = string.Create(CultureInfo.InvariantCulture, $"background:rgba(9,105,218,{0.08 + (0.82 * share):0.###});color:{(share > 0.5 ? "#ffffff" : "inherit")}");
                var markup = string.Create(CultureInfo.InvariantCulture, $"{count:N0}<span class=\"pct\">{Numbers.Percent(share)}</span>");
                cells.Add(count == 0 ? TableCell.Markup("<span class=\"pct\">0</span>", null) : TableCell.Markup(markup, null, style));
            }

            table.Row(cells, null);
        }

        return table;
    }
}
