using System.Xml.Linq;
using MLPipelines.Core.Runs;
using MLPipelines.Reports.Tests.Fixtures;

namespace MLPipelines.Reports.Tests.Html;

/// <summary>report.html of real runs (binary, multiclass, regression) written by the runner through the writer.</summary>
public sealed class HtmlReportWriterTests
{
    private static readonly string[] Always = ["summary", "leaderboard", "comparisons", "splits", "fit-time", "data", "configuration"];
    private static readonly string[] Classification = ["roc", "calibration", "confusion"];
    private static readonly string[] Regression = ["predicted-vs-actual", "residuals"];

    public static TheoryData<string> Tasks => ["binary", "multiclass", "regression"];

    private static RunOutcome RunOf(string task) => task switch
    {
        "binary" => RealRuns.Binary,
        "multiclass" => RealRuns.Multiclass,
        _ => RealRuns.Regression,
    };

    [Theory]
    [MemberData(nameof(Tasks))]
    public void HtmlReportWriter_Write_HasTheSectionsOfTheTask(string task)
    {
        var run = RunOf(task);

        var sections = HtmlAssert.SectionIds(RealRuns.Html(run));

        Assert.Equal(task, run.Results.Task);
        foreach (var id in Always.Concat(task == "regression" ? Regression : Classification))
        {
            Assert.Contains(id, sections);
        }

        foreach (var id in task == "regression" ? Classification : Regression)
        {
            Assert.DoesNotContain(id, sections);
        }

        Assert.DoesNotContain("learning-curves", sections);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void HtmlReportWriter_Write_LoadsNothingFromTheNetworkAndRunsNoScript(string task)
    {
        var html = RealRuns.Html(RunOf(task));

        HtmlAssert.NoRemoteReferences(html);
        HtmlAssert.NoScript(HtmlAssert.WellFormed(html));
        Assert.Contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void HtmlReportWriter_Write_EverySvgIsWellFormedWithUniqueIds(string task)
    {
        var html = RealRuns.Html(RunOf(task));

        var svgs = HtmlAssert.Svgs(html);

        Assert.True(svgs.Count >= 4, $"{svgs.Count} charts");
        var ids = svgs.SelectMany(d => d.SelectNodes("//@id")!.Cast<System.Xml.XmlAttribute>().Select(a => a.Value)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(svgs, d => Assert.NotNull(d.DocumentElement!.GetAttribute("viewBox")));
    }

    [Fact]
    public void HtmlReportWriter_Write_SummaryNamesTheBestModelAndThePValue()
    {
        var run = RealRuns.Binary;
        var best = run.Results.Models.MaxBy(m => m.Metrics["accuracy"].Mean)!;

        var verdict = HtmlAssert.WellFormed(RealRuns.Html(run)).Descendants().First(e => (string?)e.Attribute("class") == "verdict").Value;

        Assert.StartsWith($"{best.Name} is best on accuracy", verdict, StringComparison.Ordinal);
        Assert.Matches(@"difference (not )?significant \(p[=<][0-9.]+\)\.$", verdict);
    }

    [Fact]
    public void HtmlReportWriter_Write_MulticlassHasPerClassAucAndAThreeByThreeMatrix()
    {
        var html = RealRuns.Html(RealRuns.Multiclass);
        var document = HtmlAssert.WellFormed(html);

        Assert.Contains("One-vs-rest AUC per class", html, StringComparison.Ordinal);
        var matrix = document.Descendants().First(e => e.Name.LocalName == "table" && (string?)e.Attribute("class") == "matrix");
        Assert.Equal(3, matrix.Descendants().Count(e => e.Name.LocalName == "tr") - 1);
        Assert.Contains("versicolor", matrix.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReportWriter_Write_ConfusionCountsCoverEveryRowOnce()
    {
        var run = RealRuns.Binary;
        var document = HtmlAssert.WellFormed(RealRuns.Html(run));

        var notes = document.Descendants().Where(e => (string?)e.Attribute("id") == "confusion").Descendants()
            .Where(e => e.Name.LocalName == "p" && e.Value.StartsWith("Accuracy", StringComparison.Ordinal)).Select(e => e.Value).ToList();

        Assert.Equal(run.Results.Models.Count, notes.Count);
        Assert.All(notes, n => Assert.EndsWith($"of {run.Results.Dataset.Rows} rows.", n, StringComparison.Ordinal));
    }
}
