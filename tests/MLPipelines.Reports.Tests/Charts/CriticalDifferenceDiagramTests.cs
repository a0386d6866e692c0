using System.Globalization;
using System.Xml.Linq;
using MLPipelines.Reports.Charts;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Tests.Charts;

public sealed class CriticalDifferenceDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void CriticalDifferenceDiagram_Render_ProducesWellFormedSvgForDemsarsExample()
    {
        // Demšar (2006) Table 6 average ranks (as ranked in the paper) and its CD at 0.10: two groups.
        var result = NemenyiTest.Run(["C4.5", "C4.5+m", "C4.5+cf", "C4.5+m+cf"], [44 / 14.0, 2, 40.5 / 14, 27.5 / 14], 14, 0.10);

        string svg = CriticalDifferenceDiagram.Render(result, "AUC, 14 datasets");
        var root = XDocument.Parse(svg).Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal(2, root.Descendants(Svg + "line").Count(e => (string?)e.Attribute("class") == "group"));
        Assert.Equal(4, root.Descendants(Svg + "polyline").Count());
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "CD = 1.118");
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "AUC, 14 datasets");
    }

    [Fact]
    public void CriticalDifferenceDiagram_Render_PutsBetterHalfLeftAndWorseHalfRight()
    {
        string svg = CriticalDifferenceDiagram.Render(["worst", "best", "second", "third"], [4, 1, 2, 3], 1.0, []);
        var labels = XDocument.Parse(svg).Root!.Descendants(Svg + "text")
            .Where(t => t.Elements(Svg + "tspan").Any())
            .ToDictionary(t => t.Nodes().OfType<XText>().First().Value.Trim(), t => (Anchor: (string)t.Attribute("text-anchor")!, X: X(t)));

        Assert.Equal("end", labels["best"].Anchor);
        Assert.Equal("end", labels["second"].Anchor);
        Assert.Equal("start", labels["third"].Anchor);
        Assert.Equal("start", labels["worst"].Anchor);
        Assert.True(labels["best"].X < labels["worst"].X);
    }

    [Fact]
    public void CriticalDifferenceDiagram_Render_EscapesMarkupAndQuotesInNames()
    {
        string evil = "<script>alert(\"x\")</script> & 'o'";
        var groups = new[] { new RankGroup([evil, "plain"], 1.2, 1.8) };

        string svg = CriticalDifferenceDiagram.Render([evil, "plain", "other"], [1.2, 1.8, 3], 1.0, groups, title: "Title \"quoted\" <b>");
        var document = XDocument.Parse(svg);

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "b");
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Nodes().OfType<XText>().Any(n => n.Value.Trim() == evil));
        Assert.Equal("Title \"quoted\" <b>", (string)document.Root!.Attribute("aria-label")!);
    }

    [Fact]
    public void CriticalDifferenceDiagram_Render_DropsCharactersXmlForbids()
    {
        string svg = CriticalDifferenceDiagram.Render(["bad\u0001name", "ok"], [1, 2], 0.5, []);

        var document = XDocument.Parse(svg);
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value.StartsWith("badname", StringComparison.Ordinal));
    }

    [Fact]
    public void CriticalDifferenceDiagram_Render_RejectsMismatchedInput()
    {
        Assert.Throws<ArgumentException>(() => CriticalDifferenceDiagram.Render(["a", "b"], [1.0], 1, []));
        Assert.Throws<ArgumentException>(() => CriticalDifferenceDiagram.Render(["a", "b"], [1.0, double.NaN], 1, []));
    }

    private static double X(XElement element) => double.Parse((string)element.Attribute("x")!, CultureInfo.InvariantCulture);
}
