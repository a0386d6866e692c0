using MLPipelines.Core.Runs;
using MLPipelines.Reports.Experiments;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Tests.Fixtures;
using MLPipelines.Results.Experiments;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Tests.Experiments;

/// <summary>
/// experiment.html over three real runs (breast cancer, iris, and the hostile file, whose dataset name is markup),
/// analysed by the real <see cref="ExperimentAnalysis"/> on their fold accuracies.
/// </summary>
public sealed class ExperimentHtmlWriterTests
{
    private static ExperimentResults Experiment()
    {
        var runs = new (string Name, RunOutcome Run)[] { ("breast_cancer", RealRuns.Binary), ("iris", RealRuns.Multiclass), (RealRuns.Script, RealRuns.Hostile) };
        var scores = runs.Select(r => new DatasetScores(r.Name, RunStatistics.DesignOf(r.Run.Results), RunStatistics.ScoresOf(r.Run.Results))).ToList();
        var analysis = ExperimentAnalysis.Run(scores, "accuracy", "lightgbm");
        return new ExperimentResults
        {
            Name = "three-datasets",
            Metric = "accuracy",
            Baseline = "lightgbm",
            Evaluation = RealRuns.Binary.Results.Evaluation,
            Models = [.. RealRuns.Binary.Results.Models.Select(m => new ExperimentModel { Name = m.Name, Trainer = m.Trainer, Family = m.Family })],
            Datasets = [.. runs.Select(r => new ExperimentDataset { Name = r.Name, RunDirectory = "runs/" + r.Name, Task = r.Run.Results.Task, Rows = r.Run.Results.Dataset.Rows })],
            Analysis = analysis,
        };
    }

    [Fact]
    public void ExperimentHtmlWriter_Render_HasMatrixDiagramAndTests()
    {
        var experiment = Experiment();

        var html = ExperimentHtmlWriter.Render(experiment);

        Assert.Equal(["summary", "matrix", "critical-difference", "aggregates", "tests", "per-dataset", "datasets"], HtmlAssert.SectionIds(html));
        var document = HtmlAssert.WellFormed(html);
        var matrix = document.Descendants().First(e => (string?)e.Attribute("id") == "matrix").Descendants().First(e => e.Name.LocalName == "table");
        Assert.Equal(3 + 1 + 2, matrix.Descendants().Count(e => e.Name.LocalName == "tr"));
        Assert.Single(HtmlAssert.Svgs(html));
        Assert.Contains("Iman–Davenport F", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"verdict\">{MLPipelines.Reports.Html.HtmlText.Escape(ExperimentSentence.For(experiment.Analysis))}</p>", html, StringComparison.Ordinal);
        HtmlAssert.NoScript(document);
    }

    [Fact]
    public void ExperimentHtmlWriter_Render_AggregateViewsShowEveryModelWithTheReferenceAt1000()
    {
        var experiment = Experiment();

        var document = HtmlAssert.WellFormed(ExperimentHtmlWriter.Render(experiment));

        var section = document.Descendants().First(e => (string?)e.Attribute("id") == "aggregates");
        var rows = section.Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).ToList();
        Assert.Equal(experiment.Analysis.Models.Count, rows.Count);
        var reference = Assert.Single(rows, r => r.Value.Contains("reference", StringComparison.Ordinal));
        Assert.StartsWith("lightgbm", reference.Value, StringComparison.Ordinal);
        Assert.Equal("1000", reference.Elements().ElementAt(1).Value);
        Assert.Equal(experiment.Analysis.Aggregates!.Elo.Select(e => e.Elo).OrderDescending().Select(e => e.ToString("0", System.Globalization.CultureInfo.InvariantCulture)),
            rows.Select(r => r.Elements().ElementAt(1).Value));
    }

    [Fact]
    public void ExperimentHtmlWriter_Render_AverageRanksMatchTheFriedmanResult()
    {
        var experiment = Experiment();

        var document = HtmlAssert.WellFormed(ExperimentHtmlWriter.Render(experiment));

        var rankRow = document.Descendants().First(e => e.Name.LocalName == "tr" && e.Value.StartsWith("average rank", StringComparison.Ordinal));
        var shown = rankRow.Elements().Skip(1).Select(c => c.Value).ToList();
        Assert.Equal(experiment.Analysis.Friedman.AverageRanks.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)), shown);
    }

    [Fact]
    public void ExperimentHtmlWriter_Render_EscapesDatasetNamesAndLinksStayRelative()
    {
        var html = ExperimentHtmlWriter.Render(Experiment());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        var hrefs = HtmlAssert.WellFormed(html).Descendants().Select(e => (string?)e.Attribute("href")).OfType<string>().Where(h => !h.StartsWith('#')).ToList();
        Assert.Equal(6, hrefs.Count);
        Assert.All(hrefs, h => Assert.StartsWith("runs/", h, StringComparison.Ordinal));
        Assert.Contains("runs/%3Cscript%3Ealert%281%29%3C/script%3E/report.html", hrefs);
    }

    [Fact]
    public void ExperimentMatrix_Ranks_TiesShareTheAverageRankInTheMetricsDirection()
    {
        Assert.Equal([1.5, 1.5, 3], ExperimentMatrix.Ranks([0.9, 0.9, 0.8], MetricDirection.HigherIsBetter));
        Assert.Equal([3, 1, 2], ExperimentMatrix.Ranks([0.9, 0.1, 0.5], MetricDirection.LowerIsBetter));
    }
}
