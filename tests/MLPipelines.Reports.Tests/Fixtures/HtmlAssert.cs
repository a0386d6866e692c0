using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace MLPipelines.Reports.Tests.Fixtures;

/// <summary>Checks on a report's HTML that several tests share.</summary>
internal static partial class HtmlAssert
{
    /// <summary>Parses the whole page as XML (the writer emits well-formed markup) and returns it.</summary>
    public static XDocument WellFormed(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    /// <summary>The ids of the page's sections, in order.</summary>
    public static IReadOnlyList<string> SectionIds(string html) =>
        [.. WellFormed(html).Descendants().Where(e => e.Name.LocalName == "section").Select(e => (string?)e.Attribute("id") ?? "")];

    /// <summary>Every inline SVG, each parsed on its own with XmlDocument.</summary>
    public static IReadOnlyList<XmlDocument> Svgs(string html)
    {
        var result = new List<XmlDocument>();
        foreach (Match match in Svg().Matches(html))
        {
            var document = new XmlDocument();
            document.LoadXml(match.Value);
            result.Add(document);
        }

        return result;
    }

    /// <summary>
    /// Nothing can make the browser fetch anything: no src/href/xlink:href/action other than a fragment (#...)
    /// or a data: URI, no CSS url() or @import other than a fragment, and the only "http" text is an xmlns
    /// namespace name (never fetched).
    /// </summary>
    public static void NoRemoteReferences(string html)
    {
        foreach (Match match in LinkAttribute().Matches(html))
        {
            var value = match.Groups[2].Value;
            Assert.True(value.StartsWith('#') || value.StartsWith("data:", StringComparison.Ordinal), $"{match.Groups[1].Value}=\"{value}\" points outside the page");
        }

        foreach (Match match in CssUrl().Matches(html))
        {
            Assert.StartsWith("#", match.Groups[1].Value.Trim('\'', '"'), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var withoutNamespaces = XmlNamespace().Replace(html, "");
        Assert.DoesNotContain("http://", withoutNamespaces, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", withoutNamespaces, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The page has no element or attribute that runs script.</summary>
    public static void NoScript(XDocument document)
    {
        var names = new[] { "script", "iframe", "object", "embed", "img", "link", "base", "form", "input" };
        var found = document.Descendants().Where(e => names.Contains(e.Name.LocalName, StringComparer.OrdinalIgnoreCase)).Select(e => e.Name.LocalName).ToList();
        Assert.True(found.Count == 0, $"unexpected elements: {string.Join(", ", found)}");
        var handlers = document.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(handlers.Count == 0, $"event handler attributes: {string.Join(", ", handlers)}");
    }

    [GeneratedRegex("<svg[\\s\\S]*?</svg>")]
    private static partial Regex Svg();

    [GeneratedRegex("\\s((?:xlink:)?href|src|action|formaction|poster|srcset)\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("url\\(([^)]*)\\)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();

    [GeneratedRegex("xmlns(:\\w+)?=\"http://www\\.w3\\.org/[^\"]*\"")]
    private static partial Regex XmlNamespace();
}
