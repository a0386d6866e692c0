namespace MLPipelines.Reports.Html;

/// <summary>One table cell: escaped text or our own markup, with an optional class and inline style.</summary>
public sealed record TableCell
{
    private TableCell(string content, bool isMarkup, string? cls, string? style, string? title)
    {
        (Content, IsMarkup, Class, Style, Title) = (content, isMarkup, cls, style, title);
    }

    public string Content { get; }

    public bool IsMarkup { get; }

    public string? Class { get; }

    /// <summary>Inline CSS (built by the report from numbers, never from data).</summary>
    public string? Style { get; }

    /// <summary>Tooltip (escaped).</summary>
    public string? Title { get; }

    public static TableCell Text(string? text, string? cls = null, string? title = null) => new(text ?? "", false, cls, null, title);

    /// <summary>A right-aligned number.</summary>
    public static TableCell Number(string text, string? title = null) => new(text, false, "num", null, title);

    /// <summary>Our own markup (already escaped where it holds data).</summary>
    public static TableCell Markup(string html, string? cls = null, string? style = null, string? title = null) => new(html, true, cls, style, title);

    public static implicit operator TableCell(string text) => Text(text);

    internal void AppendTo(HtmlBuilder html, string tag)
    {
        html.Raw("<").Raw(tag);
        if (Class is not null)
        {
            html.Raw(" class=\"").Text(Class).Raw("\"");
        }

        if (Style is not null)
        {
            html.Raw(" style=\"").Text(Style).Raw("\"");
        }

        if (Title is not null)
        {
            html.Raw(" title=\"").Text(Title).Raw("\"");
        }

        html.Raw(">");
        if (IsMarkup)
        {
            html.Raw(Content);
        }
        else
        {
            html.Text(Content);
        }

        html.Raw("</").Raw(tag).Raw(">");
    }
}
