using System.Globalization;
using System.Text;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Inputs;
using MLPipelines.Results;
using static MLPipelines.Reports.Markdown.MarkdownText;

namespace MLPipelines.Reports.Markdown;

/// <summary>
/// <c>report.md</c>: the run's findings for a terminal, a pull request or a CI log, the same as report.html says
/// them (both read <see cref="RunFindings"/>): summary sentence with the significance of the lead, leaderboard
/// (mean ± std, 95% interval, v / * marks against the baseline), per-split scores, the t-tests, permutation
/// the findings of the saved predictions (AUC, calibration, confusion matrices or residuals), permutation feature
/// importance, learning-curve summary (best epoch), the data, the environment and warnings.
/// </summary>
public sealed class MarkdownReportWriter : IRunReportWriter
{
    /// <summary>File name inside the run folder.</summary>
    public const string FileName = "report.md";

    public string Format => "markdown";

    public void Write(RunResults results, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(runDirectory);
        File.WriteAllText(Path.Combine(runDirectory, FileName), Render(RunFolderContent.Read(runDirectory, results)));
    }

    /// <summary>The report text from <paramref name="results"/> alone (no prediction files: no predictions section).</summary>
    public static string Render(RunResults results) => Render(new RunFolderContent { Results = results });

    /// <summary>The report text of a run folder's content, with the findings from its saved predictions.</summary>
    public static string Render(RunFolderContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var results = content.Results;
        var sb = new StringBuilder();
        var primary = results.PrimaryMetric;
        var findings = RunFindings.From(results);
        var ranked = findings.Ranked.ToList();
        sb.AppendLine(Inv($"# {Cell(results.Name)}"));
        sb.AppendLine();
        sb.AppendLine(Intro(results));
        if (results.Dataset.LabelTransform == "log")
        {
            sb.AppendLine();
            sb.AppendLine("The label is log-transformed: regression metrics are on the log scale.");
        }

        sb.AppendLine();
        sb.AppendLine($"**Summary:** {findings.Summary}");
        var tuned = TuningFindings.Families(results);
        if (TuningFindings.Verdict(results, tuned) is { } verdict)
        {
            sb.AppendLine();
            sb.AppendLine($"**Tuning:** {verdict}");
        }
        foreach (var note in new[] { SummarySentence.SpeedNote(findings), SummarySentence.BaselineNote(findings) }.OfType<string>())
        {
            sb.AppendLine();
            sb.AppendLine(note);
        }

        AppendLeaderboard(sb, findings);
        AppendFolds(sb, ranked, primary);
        MarkdownRunSections.AppendComparisons(sb, results);
        MarkdownTuningSection.Append(sb, results, tuned);
        MarkdownPredictionSections.Append(sb, content);
        MarkdownRunSections.AppendImportance(sb, ranked);
        MarkdownRunSections.AppendLearningCurves(sb, results);
        MarkdownRunSections.AppendDataset(sb, results);
        if (results.Warnings.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("## Warnings");
            sb.AppendLine();
            foreach (var warning in results.Warnings)
            {
                sb.AppendLine($"- {Cell(warning)}");
            }
        }

        MarkdownRunSections.AppendEnvironment(sb, content.Environment);
        sb.AppendLine();
        sb.AppendLine(Inv($"_Run started {results.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC, took {results.DurationSeconds:F1} s. Files: `results.json`, `models/`, `predictions/`, `resolved.yaml`, `environment.json`._"));
        return sb.ToString();
    }

    private static string Intro(RunResults results)
    {
        var evaluation = results.Evaluation;
        var dataset = results.Dataset;
        var scheme = evaluation.Method switch
        {
            "holdout" => Inv($"holdout ({evaluation.TestFraction:P0} test, {evaluation.Repeats} repeat(s))"),
            "test_set" => Inv($"trained on the training set and scored once on the test set ({dataset.Images?.TestImages ?? 0} images)"),
            _ => Inv($"{evaluation.Folds}-fold cross-validation x {evaluation.Repeats}"),
        };
        var what = dataset.Images is { } images
            ? Inv($"{images.TrainImages} training images of {images.Channels}x{images.Height}x{images.Width} ({images.Format})")
            : Inv($"{dataset.Rows} rows, {dataset.Features} feature columns, label `{Cell(dataset.Label)}`");
        return Inv($"{Cap(results.Task)} task on `{Cell(dataset.Path)}` ({what}), {scheme}, seed {evaluation.Seed}{(evaluation.Stratify ? ", stratified" : "")}. Every model saw the same splits.");
    }

    private static void AppendLeaderboard(StringBuilder sb, RunFindings findings)
    {
        var primary = findings.PrimaryMetric;
        sb.AppendLine();
        sb.AppendLine("## Leaderboard");
        sb.AppendLine();
        var metrics = findings.Metrics;
        var hasInterval = findings.Ranked.Any(m => findings.SummaryOf(m.Name, primary)?.Low is not null);
        sb.AppendLine("| # | model | trainer | " + string.Join(" | ", metrics.Select(m => m == primary ? $"**{m}**" : m))
            + (hasInterval ? $" | {primary} 95% interval" : "") + " | fit s | predict rows/s |");
        sb.AppendLine("|---|---|---|" + string.Concat(metrics.Select(_ => "---:|")) + (hasInterval ? "---:|" : "") + "---:|---:|");
        for (var i = 0; i < findings.Ranked.Count; i++)
        {
            var m = findings.Ranked[i];
            var values = metrics.Select(k => findings.SummaryOf(m.Name, k) is { } s ? $"{Num(s.Mean)} ± {Num(s.Std)}{(s.Mark.Length > 0 ? " " + s.Mark : "")}" : "-");
            var interval = hasInterval ? " | " + (findings.SummaryOf(m.Name, primary) is { Low: { } low, High: { } high } ? $"[{Num(low)}, {Num(high)}]" : "-") : "";
            var name = m.Name == findings.Baseline ? $"{Cell(m.Name)} (baseline)" : Cell(m.Name);
            sb.AppendLine(Inv($"| {i + 1} | {name} | {Cell(m.Trainer)} | {string.Join(" | ", values)}{interval} | {m.FitSeconds.Mean:F2} | {(m.PredictRowsPerSecond > 0 ? m.PredictRowsPerSecond.ToString("N0", CultureInfo.InvariantCulture) : "–")} |"));
        }

        if (findings.Testable && findings.Baseline is { } baseline && findings.Results.Models.Count > 1)
        {
            sb.AppendLine();
            sb.AppendLine(Inv($"v / * : significantly better / worse than the baseline **{Cell(baseline)}** ({findings.BaselineReason}) on that metric, corrected resampled t-test at α = {findings.Alpha}, each test on its own (as Weka's Experimenter marks). Interval: 95% confidence interval of the mean, corrected for overlapping training sets."));
        }
    }

    private static void AppendFolds(StringBuilder sb, List<ModelResult> ranked, string primary)
    {
        if (ranked.Count == 0 || ranked[0].Folds.Count < 2)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine(Inv($"## {primary} per split"));
        sb.AppendLine();
        var splits = ranked[0].Folds;
        sb.AppendLine("| model | " + string.Join(" | ", splits.Select(f => Inv($"r{f.Repeat + 1} f{f.Fold + 1}"))) + " |");
        sb.AppendLine("|---|" + string.Concat(splits.Select(_ => "---:|")));
        foreach (var model in ranked)
        {
            var values = model.Folds.Select(f => f.Metrics.TryGetValue(primary, out var v) ? Num(v) : "-");
            sb.AppendLine($"| {Cell(model.Name)} | {string.Join(" | ", values)} |");
        }
    }
}
