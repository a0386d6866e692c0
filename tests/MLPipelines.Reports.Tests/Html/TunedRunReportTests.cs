using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Tests.Fixtures;

namespace MLPipelines.Reports.Tests.Html;

/// <summary>The reports and results of a real run with three tuned models (LightGBM, L-BFGS, a small MLP).</summary>
public sealed class TunedRunReportTests
{
    [Fact]
    public void PipelineRunner_Run_TunedModelsReportThreeRowsOnTheSameSplits()
    {
        var results = RealRuns.Tuned.Results;

        Assert.Equal(
            ["lightgbm", "lightgbm:tuned", "lightgbm:ensembled", "linear", "linear:tuned", "linear:ensembled", "mlp", "mlp:tuned", "mlp:ensembled"],
            results.Models.Select(m => m.Name));
        Assert.Equal(["default", "tuned", "ensembled"], results.Models.Take(3).Select(m => m.Variant));
        Assert.All(results.Models, m => Assert.Equal(3, m.Folds.Count));
        var tuned = results.Models.Single(m => m.Name == "lightgbm:tuned");
        Assert.Equal("lightgbm", tuned.Base);
        Assert.Equal(3, tuned.Tuning!.Splits.Count);
        Assert.All(tuned.Tuning.Splits, s => Assert.Equal(5, s.Trials));
        Assert.All(tuned.Tuning.Splits, s => Assert.True(s.TunedInnerScore >= s.DefaultInnerScore));
        Assert.Equal(3, results.Models.Single(m => m.Name == "mlp:tuned").Tuning!.Splits[0].Trials);
        Assert.Equal(["learning_rate: {log_uniform: [0.03, 0.3]}", "num_leaves: {int_log_uniform: [4, 31]}"], tuned.Tuning.Space);
        var directory = RealRuns.Tuned.Directory;
        Assert.True(File.Exists(Path.Combine(directory, "models", "lightgbm.zip")));
        Assert.True(File.Exists(Path.Combine(directory, "models", "lightgbm-tuned.zip")));
        Assert.Null(results.Models.Single(m => m.Name == "lightgbm:ensembled").ModelFile);
        Assert.Equal(570, File.ReadAllLines(Path.Combine(directory, "predictions", "lightgbm-ensembled.csv")).Length);
        Assert.True(File.Exists(Path.Combine(directory, "tuning", "lightgbm", "trial-log.jsonl")));
    }

    [Fact]
    public void HtmlReportWriter_Write_TuningSectionShowsCurvesVariantsAndSplits()
    {
        var run = RealRuns.Tuned;

        var html = RealRuns.Html(run);
        var document = HtmlAssert.WellFormed(html);

        Assert.Contains("tuning", HtmlAssert.SectionIds(html));
        var section = document.Descendants().Single(e => (string?)e.Attribute("id") == "tuning");
        Assert.Single(section.Descendants(), e => e.Name.LocalName == "svg");
        var verdict = TuningFindings.Verdict(run.Results, TuningFindings.Families(run.Results))!;
        Assert.StartsWith("Budgets differ (lightgbm 5 trials, linear 5 trials, mlp 3 trials), so this is not a comparison at equal compute: ", verdict, StringComparison.Ordinal);
        Assert.Contains(MLPipelines.Reports.Html.HtmlText.Escape(verdict), html, StringComparison.Ordinal);
        var tables = section.Descendants().Where(e => e.Name.LocalName == "table").ToList();
        Assert.Equal(1 + 3, tables.Count);
        Assert.Equal(3, tables[0].Descendants().Count(e => e.Name.LocalName == "tr") - 1);
        Assert.Equal(3, tables[1].Descendants().Count(e => e.Name.LocalName == "tr") - 1);
        HtmlAssert.NoScript(document);
    }

    [Fact]
    public void HtmlReportWriter_Write_SplitTablesShowTheOneStandardErrorDecisions()
    {
        // Given the default selection (one_se), each split's row names the rule's decisions as recorded in
        // results.json: the candidate, its gain in standard errors and whether it replaced the incumbent.
        var run = RealRuns.Tuned;
        var tuned = run.Results.Models.Single(m => m.Name == "lightgbm:tuned").Tuning!;
        Assert.Equal("one_se", tuned.Selection);
        Assert.All(tuned.Splits, s => Assert.NotEmpty(s.Decisions));

        var document = HtmlAssert.WellFormed(RealRuns.Html(run));
        var section = document.Descendants().Single(e => (string?)e.Attribute("id") == "tuning");
        var table = section.Descendants().Where(e => e.Name.LocalName == "table").ElementAt(1);
        var header = table.Descendants().First(e => e.Name.LocalName == "tr").Elements().Select(e => e.Value).ToList();
        Assert.Equal("one-SE rule", header[^1]);
        var cells = table.Descendants().Where(e => e.Name.LocalName == "tr").Skip(1).Select(r => r.Elements().Last().Value).ToList();
        Assert.Equal(tuned.Splits.Select(s => string.Join("; ", TuningFindings.Decisions(s))), cells);
        var first = tuned.Splits[0].Decisions[0];
        Assert.StartsWith($"{first.Candidate} over defaults: gain ", cells[0], StringComparison.Ordinal);
        Assert.Contains(first.Accepted ? "), taken" : "), kept defaults", cells[0], StringComparison.Ordinal);
        Assert.Contains(TuningFindings.OneSeNote, section.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void TuningFindings_Decision_StatesGainInStandardErrorsAndOutcome()
    {
        var taken = new MLPipelines.Results.SelectionDecision
        {
            Candidate = "c3-r0", Incumbent = "defaults", Statistic = "error", Improvement = 0.0042, StandardError = 0.0021, Accepted = true,
        };
        var kept = taken with { Candidate = "ensemble", Incumbent = "tuned", Statistic = "per_fold:auc", Improvement = -0.001, StandardError = 0.002, Accepted = false };

        Assert.Equal("c3-r0 over defaults: gain +0.0042 in error (2.0 SE), taken", TuningFindings.Decision(taken));
        Assert.Equal("ensemble over tuned: gain -0.0010 in auc per inner fold (-0.5 SE), kept tuned", TuningFindings.Decision(kept));
        Assert.Equal("c3-r0 over defaults: gain +0.0042 in error (no SE), taken", TuningFindings.Decision(taken with { StandardError = double.PositiveInfinity }));
    }

    [Fact]
    public void PipelineRunner_Run_NoiseIsAtChanceOutsideWhileTheInnerScoreIsOptimisticAndTheReportShowsTheGap()
    {
        // Given random labels, every model's true AUC is 0.5. Then the tuned and ensembled rows score near 0.5 on
        // the outer folds (honest), while the inner scores that chose them lie above 0.5 (optimistic: the best of
        // 20 noisy estimates), and the report shows the gap between the two.
        var run = RealRuns.Noise;
        var family = Assert.Single(TuningFindings.Families(run.Results));

        Assert.InRange(family.Tuned.Metrics["auc"].Mean, 0.44, 0.56);
        Assert.InRange(family.Ensembled.Metrics["auc"].Mean, 0.44, 0.56);
        Assert.True(family.Search.Splits.Average(s => s.TunedInnerScore) > 0.52, "the chosen configuration's inner AUC is above the truth, 0.5");
        Assert.True(family.Search.Splits.Average(s => s.EnsembledInnerScore) > 0.52, "the ensemble's inner AUC is above the truth, 0.5");
        Assert.True(family.TunedGap > 0, $"tuned gap {family.TunedGap}");
        Assert.True(family.EnsembledGap > 0, $"ensembled gap {family.EnsembledGap}");
        var document = HtmlAssert.WellFormed(RealRuns.Html(run));
        var row = document.Descendants().Single(e => (string?)e.Attribute("id") == "tuning").Descendants()
            .First(e => e.Name.LocalName == "tr" && e.Value.StartsWith("lightgbm", StringComparison.Ordinal));
        var gap = row.Elements().ElementAt(7).Value;
        Assert.Equal($"+{Formatting.Numbers.Metric(family.TunedGap)}, +{Formatting.Numbers.Metric(family.EnsembledGap)}", gap);
    }

    [Fact]
    public void MarkdownReportWriter_Write_TuningSectionAndVerdict()
    {
        var markdown = RealRuns.Markdown(RealRuns.Tuned);

        Assert.Contains("**Tuning:** Budgets differ (", markdown, StringComparison.Ordinal);
        Assert.Contains("## Tuning", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| lightgbm \| 0\.\d{4} \| 0\.\d{4} \| [0-9.<]+ \| 0\.\d{4} \|", markdown);
        Assert.Contains("**mlp** (random, 3 trials, inner 3-fold, selection one_se):", markdown, StringComparison.Ordinal);
        Assert.Contains("| chosen | ensemble (weight) | one-SE rule |", markdown, StringComparison.Ordinal);
        Assert.Contains(TuningFindings.OneSeNote, markdown, StringComparison.Ordinal);
        var split = RealRuns.Tuned.Results.Models.Single(m => m.Name == "lightgbm:tuned").Tuning!.Splits[0];
        Assert.Contains(string.Join("; ", TuningFindings.Decisions(split)) + " |", markdown, StringComparison.Ordinal);
    }
}
