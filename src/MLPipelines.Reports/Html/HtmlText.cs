using System.Text;

namespace MLPipelines.Reports.Html;

/// <summary>
/// Escaping for text that comes from data or a spec (column names, class labels, model names, paths, YAML).
/// The result is safe as HTML text, inside a quoted HTML attribute and as XML text inside inline SVG.
/// </summary>
public static class HtmlText
{
    /// <summary>
    /// Replaces <c>&amp; &lt; &gt; " '</c> with entities, and characters that XML forbids (C0 controls other than tab,
    /// line feed and carriage return, lone surrogates, U+FFFE/U+FFFF) with U+FFFD, so inline SVG stays well-formed.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        sb.Append(IsXmlChar(c) ? c : '\uFFFD');
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A fragment id made of [a-z0-9-] only, from any text (for anchors and SVG ids).</summary>
    public static string Id(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            sb.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        }

        return sb.ToString();
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');
}
