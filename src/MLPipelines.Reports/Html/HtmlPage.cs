using System.Globalization;
using System.Text;

namespace MLPipelines.Reports.Html;

/// <summary>
/// The document shell (well-formed XML as well as HTML: void elements are self-closed, so tests can parse it): head (charset, viewport, a Content-Security-Policy that forbids every network load and
/// every script, inline CSS), title block, a table of contents of the sections present, the sections, a footer.
/// </summary>
internal static class HtmlPage
{
    /// <summary>
    /// Nothing may be fetched or run: styles only inline, images only as data: URIs. Even if some text escaped the
    /// escaping, the browser would refuse to run it or to reach the network.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>Assembles the page; <paramref name="sections"/> are (id, title, body markup) in order.</summary>
    public static string Render(string title, string subtitleHtml, IReadOnlyList<(string Id, string Title, string Body)> sections, string footer)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        sb.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\" />\n");
        sb.Append("<meta name=\"generator\" content=\"MLPipelines\" />\n");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{HtmlText.Escape(title)} · MLPipelines report</title>\n");
        sb.Append("<style>\n").Append(HtmlStyles.Css).Append("</style>\n</head>\n<body>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<header>\n<h1>{HtmlText.Escape(title)}</h1>\n<p class=\"meta\">{subtitleHtml}</p>\n</header>\n");
        sb.Append("<nav aria-label=\"Sections\"><ul>");
        foreach (var (id, name, _) in sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{HtmlText.Escape(id)}\">{HtmlText.Escape(name)}</a></li>");
        }

        sb.Append("</ul></nav>\n<main>\n");
        foreach (var (id, name, body) in sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section id=\"{HtmlText.Escape(id)}\">\n<h2>{HtmlText.Escape(name)}</h2>\n");
            sb.Append(body).Append("</section>\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"</main>\n<footer>{HtmlText.Escape(footer)}</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
