using System.Globalization;
using MLPipelines.Reports.Formatting;
using MLPipelines.Reports.Html;
using MLPipelines.Results.Experiments;

namespace MLPipelines.Reports.Experiments;

/// <summary>The datasets of the experiment with links to each one's own reports (relative paths inside the experiment folder).</summary>
internal static class ExperimentDatasets
{
    public static string Render(ExperimentResults results)
    {
        var table = new HtmlTable("dataset", "task", TableCell.Number("rows"), TableCell.Number("features"), TableCell.Number("classes"), TableCell.Number("seconds"), "reports");
        foreach (var dataset in results.Datasets)
        {
            var folder = RelativeUrl(dataset.RunDirectory);
            var links = $"<a href=\"{HtmlText.Escape(folder + "/report.html")}\">report.html</a> · <a href=\"{HtmlText.Escape(folder + "/report.md")}\">report.md</a>";
            table.Row(
                TableCell.Text(dataset.Name, title: dataset.Path),
                dataset.Task,
                TableCell.Number(Numbers.Count(dataset.Rows)),
                TableCell.Number(Numbers.Count(dataset.Features)),
                TableCell.Number(dataset.Classes == 0 ? "-" : dataset.Classes.ToString(CultureInfo.InvariantCulture)),
                TableCell.Number(Numbers.Seconds(dataset.DurationSeconds)),
                TableCell.Markup(links));
        }

        var html = new HtmlBuilder();
        table.AppendTo(html);
        html.Element("p", "Each dataset's run folder holds its results.json, models, out-of-fold predictions and full report.", "note");
        return html.ToString();
    }

    /// <summary>A relative URL of a relative folder: each segment percent-encoded, '/' separators; never a scheme or an absolute path.</summary>
    internal static string RelativeUrl(string relativeFolder)
    {
        var segments = relativeFolder.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s != ".")
            .Select(Uri.EscapeDataString);
        return string.Join('/', segments);
    }
}
