using System.Text;
using MLPipelines.Core.Results;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Statistics;
using static MLPipelines.Reports.Markdown.MarkdownText;

namespace MLPipelines.Reports.Markdown;

/// <summary>
/// <c>report.md</c>: the run's findings for a terminal, a pull request or a CI log: summary sentence with the
/// significance of the lead, leaderboard (mean ± std and 95% interval, v / * marks against the baseline),
/// per-split scores, the t-tests, permutation feature importance, the data and warnings. Reads only
/// <see cref="RunResults"/>.
/// </summary>
public sealed class MarkdownReportWriter : IRunReportWriter
{
    /// <summary>File name inside the run folder.</summary>
    public const string FileName = "report.md";

    public string Format => "markdown";

    public void Write(RunResults results, string runDirectory) =>
        File.WriteAllText(Path.Combine(runDirectory, FileName), Render(results));

    /// <summary>The report text.</summary>
    public static string Render(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        var primary = results.PrimaryMetric;
        var direction = MetricDirections.TryGet(primary, out var d) ? d : MetricDirection.HigherIsBetter;
        var ranked = results.Models
            .OrderBy(m => m.Metrics.TryGetValue(primary, out var s) ? (direction == MetricDirection.HigherIsBetter ? -s.Mean : s.Mean) : double.MaxValue)
            .ToList();
        sb.AppendLine(Inv($"# {Cell(results.Name)}"));
        sb.AppendLine();
        sb.AppendLine(Intro(results));
        if (results.Dataset.LabelTransform == "log")
        {
            sb.AppendLine();
            sb.AppendLine("The label is log-transformed: regression metrics are on the log scale.");
        }

        if (ranked.Count > 0 && ranked[0].Metrics.TryGetValue(primary, out var best))
        {
            sb.AppendLine();
            sb.AppendLine(Headline(results, ranked, best));
        }

        AppendLeaderboard(sb, results, ranked);
        AppendFolds(sb, ranked, primary);
        MarkdownRunSections.AppendComparisons(sb, results);
        MarkdownRunSections.AppendImportance(sb, ranked);
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

    /// <summary>"X is best on M (mean ± std), d ahead of Y; the difference is (not) significant (p = ...)."</summary>
    private static string Headline(RunResults results, List<ModelResult> ranked, MetricSummary best)
    {
        var primary = results.PrimaryMetric;
        var line = Inv($"**{Cell(ranked[0].Name)}** is best on {primary} ({Num(best.Mean)} ± {Num(best.Std)})");
        if (ranked.Count < 2 || !ranked[1].Metrics.TryGetValue(primary, out var second))
        {
            return line + ".";
        }

        line += Inv($", {Num(Math.Abs(best.Mean - second.Mean))} ahead of {Cell(ranked[1].Name)}");
        var pair = results.Comparisons?.FirstOrDefault(c => c.Metric == primary
            && ((c.A == ranked[0].Name && c.B == ranked[1].Name) || (c.A == ranked[1].Name && c.B == ranked[0].Name)));
        if (pair is null)
        {
            return line + ".";
        }

        if (pair.PValue is null)
        {
            return line + "; with one split there is no significance test.";
        }

        var p = pair.PValueHolm is { } holm ? $"Holm-adjusted p = {P(holm)}" : $"p = {P(pair.PValue)}";
        return line + (pair.Significant ? $"; the difference is significant ({p}, corrected resampled t-test)." : $"; the difference is not significant ({p}, corrected resampled t-test).");
    }

    private static void AppendLeaderboard(StringBuilder sb, RunResults results, List<ModelResult> ranked)
    {
        var primary = results.PrimaryMetric;
        var baseline = results.Statistics?.Baseline;
        sb.AppendLine();
        sb.AppendLine("## Leaderboard");
        sb.AppendLine();
        var metrics = ranked.Count == 0 ? [] : ranked[0].Metrics.Keys.OrderBy(k => k == primary ? 0 : 1).ToList();
        var hasInterval = ranked.Any(m => m.Metrics.TryGetValue(primary, out var s) && s.CiLow is not null);
        sb.AppendLine("| # | model | trainer | " + string.Join(" | ", metrics.Select(m => m == primary ? $"**{m}**" : m))
            + (hasInterval ? " | 95% interval" : "") + " | fit s | predict rows/s |");
        sb.AppendLine("|---|---|---|" + string.Concat(metrics.Select(_ => "---:|")) + (hasInterval ? "---:|" : "") + "---:|---:|");
        for (var i = 0; i < ranked.Count; i++)
        {
            var m = ranked[i];
            var values = metrics.Select(k => m.Metrics.TryGetValue(k, out var s) ? $"{Num(s.Mean)} ± {Num(s.Std)}{Mark(results, m.Name, k)}" : "-");
            var interval = hasInterval ? " | " + (m.Metrics.TryGetValue(primary, out var p) && p.CiLow is { } low && p.CiHigh is { } high ? $"[{Num(low)}, {Num(high)}]" : "-") : "";
            var name = m.Name == baseline ? $"{Cell(m.Name)} (baseline)" : Cell(m.Name);
            sb.AppendLine(Inv($"| {i + 1} | {name} | {Cell(m.Trainer)} | {string.Join(" | ", values)}{interval} | {m.FitSeconds.Mean:F2} | {m.PredictRowsPerSecond:N0} |"));
        }

        if (results.Statistics is { } statistics && results.Comparisons is { Count: > 0 } && !statistics.AllPairs)
        {
            sb.AppendLine();
            sb.AppendLine(Inv($"v / * : significantly better / worse than the baseline **{Cell(statistics.Baseline)}** ({statistics.BaselineReason}), corrected resampled t-test at α = {statistics.Alpha}. Intervals: {statistics.Confidence:P0}, corrected for overlapping training sets."));
        }
    }

    /// <summary>" v" or " *" when the model differs significantly from the baseline on the metric.</summary>
    private static string Mark(RunResults results, string model, string metric)
    {
        var comparison = results.Statistics is { AllPairs: false } ? results.Comparisons?.FirstOrDefault(c => c.Metric == metric && c.A == model) : null;
        return comparison?.Better switch
        {
            null => "",
            var b when b == model => " v",
            _ => " *",
        };
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
