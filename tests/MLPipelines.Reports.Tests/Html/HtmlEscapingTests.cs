using System.Xml.Linq;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Html;
using MLPipelines.Reports.Inputs;
using MLPipelines.Reports.Tests.Fixtures;
using MLPipelines.Results;

namespace MLPipelines.Reports.Tests.Html;

/// <summary>
/// A real run on a file whose folder, column names, category values and class labels are markup and quotes: the
/// report shows them as text and nowhere as markup, in HTML and in the SVG charts.
/// </summary>
public sealed class HtmlEscapingTests
{
    [Fact]
    public void HtmlReportWriter_Write_HostileNamesAndLabelsAppearOnlyEscaped()
    {
        var run = RealRuns.Hostile;

        var html = RealRuns.Html(run);

        Assert.Contains(RealRuns.Script, run.Results.Dataset.Classes);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bold", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>data", html, StringComparison.Ordinal);
        Assert.DoesNotContain("O'Brien & \"Co\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("O&#39;Brien &amp; &quot;Co&quot;", html, StringComparison.Ordinal);
        Assert.Contains("a&quot;b&#39;c &amp; &lt;d&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReportWriter_Write_HostileRunParsesAndTheBrowserWouldSeeTheTextBack()
    {
        var document = HtmlAssert.WellFormed(RealRuns.Html(RealRuns.Hostile));

        HtmlAssert.NoScript(document);
        var text = string.Concat(document.Descendants().Where(e => e.Name.LocalName is "td" or "th").Select(e => e.Value + "\n"));
        Assert.Contains(RealRuns.Script, text, StringComparison.Ordinal);
        Assert.Contains(RealRuns.Quotes, text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(2)>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReportWriter_Render_HostileFeatureNamesInChartsAreXmlEscaped()
    {
        // Feature names reach ScottPlot's tick labels: the SVG must carry them as text, not markup.
        var run = RealRuns.Hostile;
        var names = new[] { RealRuns.Script, "a\"b'c & <d>", "<img src=x onerror=alert(2)>" };
        var results = run.Results with
        {
            Models = [.. run.Results.Models.Select(m => m with { FeatureImportance = Importance(names) })],
        };

        var html = HtmlReportWriter.Render(RunFolderContent.Read(run.Directory, results));

        Assert.Contains("feature-importance", HtmlAssert.SectionIds(html));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        var svgText = HtmlAssert.Svgs(html).Select(d => d.DocumentElement!.InnerText).Where(t => t.Contains("alert", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(svgText);
        Assert.Contains(svgText, t => t.Contains(RealRuns.Script, StringComparison.Ordinal));
    }

    [Fact]
    public void SvgChart_Render_EscapesTickLabelsTitlesAndAxisLabels()
    {
        var plot = SvgChart.NewPlot("T<i>tle & \"q\"", "x<y", "a'b");
        plot.Add.Bars([1.0, 2.0]);
        plot.Axes.Bottom.SetTicks([0, 1], [RealRuns.Script, "x & \"y\""]);

        var svg = SvgChart.Render(plot, "chart of <things>");

        var document = XDocument.Parse(svg);
        var texts = document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains(RealRuns.Script, texts);
        Assert.Contains("x & \"y\"", texts);
        Assert.Contains("T<i>tle & \"q\"", texts);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Equal("chart of <things>", (string?)document.Root!.Attribute("aria-label"));
    }

    private static FeatureImportanceResult Importance(string[] names) => new()
    {
        Metric = "accuracy",
        RowsPerSplit = 50,
        Permutations = 2,
        Splits = 3,
        Features = [.. names.Select((n, i) => new FeatureImportanceEntry { Feature = n, MeanChange = -0.1 * (i + 1), Std = 0.01, Importance = 0.1 * (i + 1) })],
    };
}
