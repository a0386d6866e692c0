using MLPipelines.Reports.Tests.Fixtures;

namespace MLPipelines.Reports.Tests.Html;

/// <summary>The reports of a real run with our MLP: its per-split training logs become learning curves in both reports.</summary>
public sealed class NeuralRunReportTests
{
    [Fact]
    public void HtmlReportWriter_Write_NeuralModelGetsLearningCurvesPerSplit()
    {
        var run = RealRuns.Neural;
        var mlp = run.Results.Models.Single(m => m.Name == "mlp");

        var document = HtmlAssert.WellFormed(RealRuns.Html(run));

        Assert.All(mlp.Folds, f => Assert.NotEmpty(f.TrainingLog!.Epochs));
        var section = document.Descendants().Single(e => (string?)e.Attribute("id") == "learning-curves");
        Assert.True(section.Descendants().Count(e => e.Name.LocalName == "svg") >= 2, "a loss chart and a metric chart");
        var rows = section.Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).Select(r => r.Elements().Select(c => c.Value).ToList()).ToList();
        Assert.Equal(mlp.Folds.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("mlp", r[0]));
        Assert.Equal(mlp.Folds.Select(f => f.TrainingLog!.Epochs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[2]));
        Assert.DoesNotContain("lightgbm", section.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReportWriter_Write_NeuralRunListsLearningCurvesAndPredictionFindings()
    {
        var markdown = RealRuns.Markdown(RealRuns.Neural);

        Assert.Contains("## Learning curves", markdown, StringComparison.Ordinal);
        Assert.Contains("| mlp | r1 f1 | 6 |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Predictions", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| mlp \| 0\.\d{4} \| 0\.\d{4} \| 0\.\d{4} \| 0\.\d{4} \| 0\.\d{4} \|", markdown);
        Assert.Contains("| actual \\ predicted | setosa | versicolor | virginica |", markdown, StringComparison.Ordinal);
        Assert.Contains("_Environment: ", markdown, StringComparison.Ordinal);
    }
}
