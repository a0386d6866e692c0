using System.Globalization;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results;

namespace MLPipelines.Reports.Html;

/// <summary>The data as the run read it: size, class balance, and every column with its inferred kind and missing values.</summary>
internal static class DatasetSection
{
    /// <summary>More columns than this are listed in a collapsed block.</summary>
    private const int OpenColumnLimit = 15;

    public static string Render(ReportContext context)
    {
        var dataset = context.Results.Dataset;
        var html = new HtmlBuilder();
        var facts = dataset.Images is { } shape
            ? string.Create(CultureInfo.InvariantCulture,
                $"{dataset.Rows:N0} training images of {shape.Channels} × {shape.Height} × {shape.Width} pixels ({dataset.Features:N0} pixel features), {dataset.Classes.Count} classes.")
            : string.Create(CultureInfo.InvariantCulture,
                $"{dataset.Path}: {dataset.Rows:N0} rows, {dataset.Features} feature columns, label {(dataset.Label.Length > 0 ? dataset.Label : "(none)")}.");
        html.Element("p", facts);
        if (dataset.RowsDroppedMissingLabel > 0)
        {
            html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{dataset.RowsDroppedMissingLabel:N0} row(s) without a label value were dropped."), "note");
        }

        if (dataset.LabelTransform == "log")
        {
            html.Element("p", "The label is log-transformed for training: regression metrics are on the log scale.", "note");
        }

        if (dataset.LabelSummary is { } label)
        {
            html.Element("p", $"Label {dataset.Label}: min {Numbers.Metric(label.Min)}, mean {Numbers.Metric(label.Mean)} ± {Numbers.Metric(label.Std)}, max {Numbers.Metric(label.Max)} (file scale).");
        }

        if (dataset.Images is { } images)
        {
            AppendImages(html, images);
        }

        AppendClassBalance(html, context);
        AppendColumns(html, context);
        return html.ToString();
    }

    private static void AppendClassBalance(HtmlBuilder html, ReportContext context)
    {
        var dataset = context.Results.Dataset;
        if (dataset.Classes.Count == 0)
        {
            return;
        }

        html.Element("h3", "Class balance");
        var total = Math.Max(1, dataset.ClassCounts.Sum());
        var largest = Math.Max(1, dataset.ClassCounts.DefaultIfEmpty(0).Max());
        var test = dataset.Images?.TestClassCounts is { Count: > 0 } t ? t : null;
        var header = new List<TableCell> { "class", TableCell.Number(test is null ? "rows" : "training"), TableCell.Number("share"), "" };
        if (test is not null)
        {
            header.Add(TableCell.Number("test"));
        }

        var table = new HtmlTable(header);
        for (var k = 0; k < dataset.Classes.Count; k++)
        {
            var count = k < dataset.ClassCounts.Count ? dataset.ClassCounts[k] : 0;
            var width = (int)Math.Round(160.0 * count / largest);
            var name = dataset.Classes[k] + (dataset.Classes[k] == dataset.PositiveClass ? " (positive)" : "");
            var cells = new List<TableCell>
            {
                name,
                TableCell.Number(Numbers.Count(count)),
                TableCell.Number(Numbers.Percent((double)count / total)),
                TableCell.Markup($"<span class=\"bar\" style=\"width:{width}px\"></span>"),
            };
            if (test is not null)
            {
                cells.Add(TableCell.Number(k < test.Count ? Numbers.Count(test[k]) : "-"));
            }

            table.Row(cells, null);
        }

        table.AppendTo(html);
    }

    /// <summary>"min 1.2, mean 3.4 ± 0.5, max 9" for numbers, else the most frequent values with counts.</summary>
    private static string ValuesOf(ColumnResult column)
    {
        if (column.Numeric is { } n)
        {
            return $"min {Numbers.Metric(n.Min)}, mean {Numbers.Metric(n.Mean)} ± {Numbers.Metric(n.Std)}, max {Numbers.Metric(n.Max)}";
        }

        return string.Join(", ", column.Top.Select(t => $"{SvgChart.Label(t.Value, 30)} ({Numbers.Count(t.Count)})"));
    }

    private static void AppendImages(HtmlBuilder html, ImageDatasetResult images)
    {
        html.Element("h3", "Images");
        var table = new HtmlTable("", "");
        table.Row("format", images.Format);
        table.Row("image shape", string.Create(CultureInfo.InvariantCulture, $"{images.Channels} × {images.Height} × {images.Width} (channels × height × width)"));
        table.Row("training images", TableCell.Text($"{Numbers.Count(images.TrainImages)} from {images.Train}" + (images.TrainLabels is { } trainLabels ? $" (labels {trainLabels})" : ""), "wrap"));
        if (images.Test is { } test)
        {
            table.Row("test images", TableCell.Text($"{Numbers.Count(images.TestImages)} from {test}" + (images.TestLabels is { } testLabels ? $" (labels {testLabels})" : ""), "wrap"));
        }

        if (images.Skipped > 0)
        {
            table.Row("skipped", TableCell.Text($"{Numbers.Count(images.Skipped)} unreadable file(s): " + string.Join("; ", images.SkippedFiles.Select(f => $"{f.Path}: {f.Reason}")), "wrap"));
        }

        table.AppendTo(html);
    }

    private static void AppendColumns(HtmlBuilder html, ReportContext context)
    {
        var dataset = context.Results.Dataset;
        if (dataset.Columns.Count == 0)
        {
            return;
        }

        var withMissing = dataset.Columns.Count(c => c.Missing > 0);
        html.Element("h3", "Columns");
        html.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"{dataset.Columns.Count} columns; {withMissing} with missing values. Kind is what schema inference decided (or the spec's override), with the reason."), "note");
        var rows = Math.Max(1, dataset.Rows + dataset.RowsDroppedMissingLabel);
        var table = new HtmlTable("column", "kind", TableCell.Number("missing"), TableCell.Number("distinct"), "values", "why");
        foreach (var column in dataset.Columns)
        {
            var missing = column.Missing == 0 ? "0" : $"{Numbers.Count(column.Missing)} ({Numbers.Percent((double)column.Missing / rows)})";
            table.Row(
                column.Name,
                column.Kind,
                TableCell.Number(missing),
                TableCell.Number(Numbers.Count(column.Distinct)),
                TableCell.Text(ValuesOf(column), "wrap"),
                TableCell.Text(column.Reason, "wrap"));
        }

        if (dataset.Columns.Count > OpenColumnLimit)
        {
            html.OpenDetails($"All {dataset.Columns.Count} columns");
            table.AppendTo(html);
            html.Close("details");
        }
        else
        {
            table.AppendTo(html);
        }
    }
}
