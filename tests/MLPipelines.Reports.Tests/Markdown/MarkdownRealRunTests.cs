using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Html;
using MLPipelines.Reports.Markdown;
using MLPipelines.Reports.Tests.Fixtures;
using MLPipelines.Results;

namespace MLPipelines.Reports.Tests.Markdown;

/// <summary>report.md of real runs: it says what report.html says.</summary>
public sealed class MarkdownRealRunTests
{
    [Fact]
    public void MarkdownReportWriter_Write_SummaryIsTheHtmlSummary()
    {
        var run = RealRuns.Binary;

        var markdown = RealRuns.Markdown(run);

        var sentence = RunFindings.From(run.Results).Summary;
        Assert.Contains("**Summary:** " + sentence, markdown, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"verdict\">{HtmlText.Escape(sentence)}</p>", RealRuns.Html(run), StringComparison.Ordinal);
        Assert.Contains("## Leaderboard", markdown, StringComparison.Ordinal);
        Assert.Contains("95% interval", markdown, StringComparison.Ordinal);
        Assert.Contains("## Significance", markdown, StringComparison.Ordinal);
        Assert.Contains("## Permutation feature importance", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownReportWriter_Render_LearningCurveSummaryGivesTheBestEpochPerSplit()
    {
        var run = RealRuns.Multiclass;
        var log = new TrainingLogResult
        {
            Epochs = [.. Enumerable.Range(1, 6).Select(e => new EpochRecord(e, 1.0 / e, 0.5 + (0.02 * Math.Abs(e - 3)), null, null, 0.01, 0.1))],
            Values = new Dictionary<string, double>(),
            Notes = ["restored the weights of epoch 3"],
        };
        var results = run.Results with
        {
            Models = [.. run.Results.Models.Select(m => m.Name == "lightgbm" ? m with { Folds = [.. m.Folds.Select(f => f with { TrainingLog = log })] } : m)],
        };

        var markdown = MarkdownReportWriter.Render(results);

        Assert.Contains("## Learning curves", markdown, StringComparison.Ordinal);
        Assert.Contains("| lightgbm | r1 f1 | 6 | 3 | 0.5000 | 0.1667 | restored the weights of epoch 3 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| linear | r1 f1 |", markdown, StringComparison.Ordinal);
    }
}
