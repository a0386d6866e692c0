using System.Globalization;
using System.Text;
using MLPipelines.Core.Results;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Spec;

namespace MLPipelines.Reports.Markdown;

/// <summary>
/// <c>report.md</c>: the run's findings for a terminal, a pull request or a CI log: summary sentence, leaderboard
/// (mean ± std over folds for every metric), per-fold scores of the primary metric, dataset and warnings.
/// Reads only <see cref="RunResults"/>.
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
        var higher = TaskMetrics.HigherIsBetter(primary);
        var ranked = results.Models
            .OrderBy(m => m.Metrics.TryGetValue(primary, out var s) ? (higher ? -s.Mean : s.Mean) : double.MaxValue)
            .ToList();
        var evaluation = results.Evaluation;
        var scheme = evaluation.Method == "holdout"
            ? $"holdout ({evaluation.TestFraction:P0} test, {evaluation.Repeats} repeat(s))"
            : $"{evaluation.Folds}-fold cross-validation x {evaluation.Repeats}";
        sb.AppendLine(Inv($"# {Cell(results.Name)}"));
        sb.AppendLine();
        sb.AppendLine(Inv($"{Cap(results.Task)} task on `{Cell(results.Dataset.Path)}` ({results.Dataset.Rows} rows, {results.Dataset.Features} feature columns, label `{Cell(results.Dataset.Label)}`), {scheme}, seed {evaluation.Seed}{(evaluation.Stratify ? ", stratified" : "")}. Every model saw the same splits."));
        if (results.Dataset.LabelTransform == "log")
        {
            sb.AppendLine();
            sb.AppendLine("The label is log-transformed: regression metrics are on the log scale.");
        }

        if (ranked.Count > 0 && ranked[0].Metrics.TryGetValue(primary, out var best))
        {
            sb.AppendLine();
            var line = Inv($"**{Cell(ranked[0].Name)}** is best on {primary} ({Num(best.Mean)} ± {Num(best.Std)})");
            if (ranked.Count > 1 && ranked[1].Metrics.TryGetValue(primary, out var second))
            {
                line += Inv($", {Num(Math.Abs(best.Mean - second.Mean))} ahead of {Cell(ranked[1].Name)}");
            }

            sb.AppendLine(line + ".");
        }

        sb.AppendLine();
        sb.AppendLine("## Leaderboard");
        sb.AppendLine();
        var metrics = ranked.Count == 0 ? [] : ranked[0].Metrics.Keys.OrderBy(k => k == primary ? 0 : 1).ToList();
        sb.AppendLine("| # | model | trainer | " + string.Join(" | ", metrics.Select(m => m == primary ? $"**{m}**" : m)) + " | fit s | predict rows/s |");
        sb.AppendLine("|---|---|---|" + string.Concat(metrics.Select(_ => "---:|")) + "---:|---:|");
        for (var i = 0; i < ranked.Count; i++)
        {
            var m = ranked[i];
            var values = metrics.Select(k => m.Metrics.TryGetValue(k, out var s) ? $"{Num(s.Mean)} ± {Num(s.Std)}" : "-");
            sb.AppendLine(Inv($"| {i + 1} | {Cell(m.Name)} | {Cell(m.Trainer)} | {string.Join(" | ", values)} | {m.FitSeconds.Mean:F2} | {m.PredictRowsPerSecond:N0} |"));
        }

        AppendFolds(sb, ranked, primary);
        AppendDataset(sb, results);
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

    private static void AppendDataset(StringBuilder sb, RunResults results)
    {
        var dataset = results.Dataset;
        sb.AppendLine();
        sb.AppendLine("## Data");
        sb.AppendLine();
        if (dataset.Classes.Count > 0)
        {
            var counts = dataset.Classes.Select((c, i) => Inv($"{Cell(c)} ({(i < dataset.ClassCounts.Count ? dataset.ClassCounts[i] : 0)})"));
            sb.AppendLine($"Classes: {string.Join(", ", counts)}" + (dataset.PositiveClass is { } p ? $"; positive class: {Cell(p)}." : "."));
            sb.AppendLine();
        }

        if (dataset.RowsDroppedMissingLabel > 0)
        {
            sb.AppendLine(Inv($"{dataset.RowsDroppedMissingLabel} row(s) without a label were dropped."));
            sb.AppendLine();
        }

        sb.AppendLine("| column | kind | missing | distinct | why |");
        sb.AppendLine("|---|---|---:|---:|---|");
        foreach (var column in dataset.Columns)
        {
            sb.AppendLine(Inv($"| {Cell(column.Name)} | {column.Kind} | {column.Missing} | {column.Distinct} | {Cell(column.Reason)} |"));
        }
    }

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Num(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
