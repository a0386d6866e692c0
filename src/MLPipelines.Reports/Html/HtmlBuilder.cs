using System.Text;

namespace MLPipelines.Reports.Html;

/// <summary>
/// Appends HTML where text is escaped by default: <see cref="Text"/>, <see cref="Element"/> and every attribute
/// value go through <see cref="HtmlText.Escape"/>; only <see cref="Raw"/> takes markup as is (our own markup and
/// charts, never data).
/// </summary>
public sealed class HtmlBuilder
{
    private readonly StringBuilder sb = new();

    /// <summary>Markup written as is.</summary>
    public HtmlBuilder Raw(string html)
    {
        sb.Append(html);
        return this;
    }

    /// <summary>Escaped text.</summary>
    public HtmlBuilder Text(string? text)
    {
        sb.Append(HtmlText.Escape(text));
        return this;
    }

    /// <summary>An opening tag with optional class and id (both escaped).</summary>
    public HtmlBuilder Open(string tag, string? cls = null, string? id = null)
    {
        sb.Append('<').Append(tag);
        if (id is not null)
        {
            sb.Append(" id=\"").Append(HtmlText.Escape(id)).Append('"');
        }

        if (cls is not null)
        {
            sb.Append(" class=\"").Append(HtmlText.Escape(cls)).Append('"');
        }

        sb.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag)
    {
        sb.Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary><c>&lt;tag class&gt;escaped text&lt;/tag&gt;</c>.</summary>
    public HtmlBuilder Element(string tag, string? text, string? cls = null) => Open(tag, cls).Text(text).Close(tag);

    /// <summary>A section with an anchor id and a heading.</summary>
    public HtmlBuilder OpenSection(string id, string title) => Open("section", null, id).Element("h2", title);

    /// <summary>A collapsible block with an escaped summary line; close it with <c>Close("details")</c>.</summary>
    public HtmlBuilder OpenDetails(string summary, bool open = false)
    {
        sb.Append(open ? "<details open>" : "<details>");
        return Element("summary", summary);
    }

    /// <summary>A figure holding inline SVG (our chart markup) with an escaped caption.</summary>
    public HtmlBuilder Figure(string svg, string? caption = null)
    {
        Open("figure").Raw(svg);
        if (caption is not null)
        {
            Element("figcaption", caption);
        }

        return Close("figure");
    }

    public override string ToString() => sb.ToString();
}
