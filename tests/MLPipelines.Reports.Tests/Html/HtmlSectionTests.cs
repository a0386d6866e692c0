using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Html;
using MLPipelines.Reports.Inputs;
using MLPipelines.Reports.Tests.Fixtures;
using MLPipelines.Results;

namespace MLPipelines.Reports.Tests.Html;

/// <summary>Sections that depend on optional content, rendered from a real run's folder with that content added or removed.</summary>
public sealed class HtmlSectionTests
{
    [Fact]
    public void HtmlReportWriter_Render_LearningCurvesShowTheBestEpochOfEachSplit()
    {
        var run = RealRuns.Binary;
        var results = run.Results with
        {
            Models = [.. run.Results.Models.Select(m => m.Name != "lightgbm" ? m : m with
            {
                Family = "neural",
                Folds = [.. m.Folds.Select((f, k) => f with { TrainingLog = Log(bestEpoch: 4 + k) })],
            })],
        };

        var html = HtmlReportWriter.Render(RunFolderContent.Read(run.Directory, results));

        Assert.Contains("learning-curves", HtmlAssert.SectionIds(html));
        var section = HtmlAssert.WellFormed(html).Descendants().First(e => (string?)e.Attribute("id") == "learning-curves");
        var rows = section.Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).Select(r => r.Elements().Select(c => c.Value).ToList()).ToList();
        Assert.Equal(run.Results.Models[0].Folds.Count, rows.Count);
        Assert.Equal(["4", "5", "6"], rows.Select(r => r[3]));
        Assert.Equal(2, section.Descendants().Count(e => e.Name.LocalName == "svg"));
        Assert.Contains("early stopping", section.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReportWriter_Render_MissingPredictionsFileLeavesTheModelOutAndSaysSo()
    {
        var run = RealRuns.Binary;
        var results = run.Results with
        {
            Models = [.. run.Results.Models.Select(m => m.Name == "linear" ? m with { PredictionsFile = "predictions/gone.csv" } : m)],
        };

        var html = HtmlReportWriter.Render(RunFolderContent.Read(run.Directory, results));

        Assert.Contains("Left out: linear: no predictions file (predictions/gone.csv)", html, StringComparison.Ordinal);
        Assert.Contains("roc", HtmlAssert.SectionIds(html));
        HtmlAssert.WellFormed(html);
    }

    [Fact]
    public void HtmlReportWriter_Render_ResultsAloneStillMakeAReport()
    {
        var run = RealRuns.Regression;

        var html = HtmlReportWriter.Render(new RunFolderContent { Results = run.Results });

        var sections = HtmlAssert.SectionIds(html);
        Assert.Contains("leaderboard", sections);
        Assert.DoesNotContain("predicted-vs-actual", sections);
        Assert.DoesNotContain("Resolved spec", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlReportWriter_Render_RegressionChartsShareAxesAndCountWildPredictions()
    {
        var run = RealRuns.Regression;
        var copy = RepoPaths.NewTempFolder();
        Directory.CreateDirectory(Path.Combine(copy, "predictions"));
        foreach (var model in run.Results.Models)
        {
            var lines = File.ReadAllLines(Path.Combine(run.Directory, model.PredictionsFile!));
            if (model.Name == "linear")
            {
                // One prediction a thousand times too large: it must not stretch the axes of every chart.
                var cells = lines[1].Split(',');
                cells[4] = "1000000";
                lines[1] = string.Join(',', cells);
            }

            File.WriteAllLines(Path.Combine(copy, model.PredictionsFile!), lines);
        }

        var html = HtmlReportWriter.Render(RunFolderContent.Read(copy, run.Results));

        var document = HtmlAssert.WellFormed(html);
        foreach (var id in new[] { "predicted-vs-actual", "residuals" })
        {
            var section = document.Descendants().Single(e => (string?)e.Attribute("id") == id);
            var captions = section.Descendants().Where(e => e.Name.LocalName == "figcaption").Select(e => e.Value).ToList();
            Assert.Single(captions);
            Assert.Equal("1 row(s) beyond the shared axes, drawn on the edge", captions[0]);
            var ticks = section.Descendants().Where(e => e.Name.LocalName == "svg")
                .Select(svg => string.Join("|", svg.Descendants().Where(t => t.Name.LocalName == "text").Select(t => t.Value).Where(v => v.Length > 0 && (char.IsDigit(v[0]) || v[0] == '-' || v[0] == '−'))))
                .ToList();
            Assert.Equal(run.Results.Models.Count, ticks.Count);
            Assert.Single(ticks.Distinct(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void HtmlReportWriter_Render_TestSetRunNamesItsSplitAndSaysNothingIsTested()
    {
        var results = MLPipelines.Results.Statistics.ResultsStatistics.Apply(ResultsBuilder.Run("accuracy",
            ResultsBuilder.Model("gbdt", "accuracy", [0.85]), ResultsBuilder.Model("linear", "accuracy", [0.83], family: "linear")) with
        {
            Evaluation = new EvaluationResult { Method = "test_set", Folds = 1, Repeats = 1, Seed = 1 },
        }, baseline: null, allPairs: false);

        var document = HtmlAssert.WellFormed(HtmlReportWriter.Render(new RunFolderContent { Results = results }));

        var splits = document.Descendants().Single(e => (string?)e.Attribute("id") == "splits");
        Assert.Contains("test set", splits.Descendants().Where(e => e.Name.LocalName == "th").Select(e => e.Value));
        var comparisons = document.Descendants().Single(e => (string?)e.Attribute("id") == "comparisons");
        Assert.Contains("on the single split", comparisons.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("t-test", comparisons.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void SvgChart_Inline_PrefixesIdsSoTwoChartsOnAPageDoNotShareClipPaths()
    {
        var a = SvgChart.NewPlot(null, "x", "y");
        a.Add.Scatter(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 });
        var b = SvgChart.NewPlot(null, "x", "y");
        b.Add.Scatter(new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 });

        var first = SvgChart.Render(a, "a");
        var second = SvgChart.Render(b, "b");

        var ids = HtmlAssert.Svgs(first + second).SelectMany(d => d.SelectNodes("//@id")!.Cast<System.Xml.XmlAttribute>().Select(x => x.Value)).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.StartsWith("<svg class=\"chart\" viewBox=\"0 0 520 340\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", first, StringComparison.Ordinal);
    }

    private static TrainingLogResult Log(int bestEpoch)
    {
        var epochs = Enumerable.Range(1, 10).Select(e => new EpochRecord(
            e,
            TrainLoss: 1.0 / e,
            ValidationLoss: 0.3 + (0.01 * (e - bestEpoch) * (e - bestEpoch)),
            TrainMetric: 0.9 + (0.005 * e),
            ValidationMetric: 0.9,
            LearningRate: 0.01,
            Seconds: 0.1)).ToList();
        return new TrainingLogResult { Epochs = epochs, Notes = ["early stopping at epoch 10"] };
    }
}
