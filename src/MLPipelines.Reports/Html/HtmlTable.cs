
namespace MLPipelines.Reports.Html;

/// <summary>
/// A table wrapped in a horizontally scrolling box (wide tables scroll on a phone instead of widening the page).
/// Cells are escaped text unless made with <see cref="TableCell.Markup"/>.
/// </summary>
public sealed class HtmlTable
{
    private readonly List<TableCell> header;
    private readonly List<(IReadOnlyList<TableCell> Cells, string? Class)> rows = [];

    public HtmlTable(params TableCell[] header) => this.header = [.. header];

    public HtmlTable(IEnumerable<TableCell> header) => this.header = [.. header];

    /// <summary>Optional caption (escaped).</summary>
    public string? Caption { get; init; }

    /// <summary>Extra class on the table element (e.g. <c>matrix</c>).</summary>
    public string? Class { get; init; }

    public HtmlTable Row(params TableCell[] cells) => Row(cells, null);

    public HtmlTable Row(IEnumerable<TableCell> cells, string? rowClass)
    {
        rows.Add(([.. cells], rowClass));
        return this;
    }

    public int RowCount => rows.Count;

    public void AppendTo(HtmlBuilder html)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Open("div", "scroll").Open("table", Class);
        if (Caption is not null)
        {
            html.Element("caption", Caption);
        }

        html.Raw("<thead><tr>");
        foreach (var cell in header)
        {
            cell.AppendTo(html, "th");
        }

        html.Raw("</tr></thead>\n<tbody>\n");
        foreach (var (cells, rowClass) in rows)
        {
            html.Raw(rowClass is null ? "<tr>" : $"<tr class=\"{HtmlText.Escape(rowClass)}\">");
            foreach (var cell in cells)
            {
                cell.AppendTo(html, "td");
            }

            html.Raw("</tr>\n");
        }

        html.Raw("</tbody>").Close("table").Close("div");
    }
}
