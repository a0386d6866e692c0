using System.Text;
using MLPipelines.Results.Experiments;
using static MLPipelines.Reports.Markdown.MarkdownText;

namespace MLPipelines.Reports.Markdown;

/// <summary>
/// <c>experiment.md</c>: the datasets x models matrix of mean scores with v / * marks against the baseline (as in
/// Weka's Experimenter), average ranks, win/tie/loss counts, TabArena's Elo / normalized score / win rate, the
/// Friedman test, the Nemenyi critical difference
/// with its groups and diagram (<c>cd.svg</c>), and links to each dataset's report. Reads only
/// <see cref="ExperimentResults"/>.
/// </summary>
public sealed class ExperimentMarkdownWriter : IExperimentReportWriter
{
    /// <summary>File name inside the experiment folder.</summary>
    public const string FileName = "experiment.md";

    public string Format => "markdown";

    public void Write(ExperimentResults results, string experimentDirectory) =>
        File.WriteAllText(Path.Combine(experimentDirectory, FileName), Render(results));

    /// <summary>The report text.</summary>
    public static string Render(ExperimentResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var a = results.Analysis;
        var friedman = a.Friedman;
        var nemenyi = a.Nemenyi;
        var sb = new StringBuilder();
        var evaluation = results.Evaluation;
        var scheme = evaluation.Method == "holdout"
            ? Inv($"holdout ({evaluation.TestFraction:P0} test) x {evaluation.Repeats}")
            : Inv($"{evaluation.Folds}-fold cross-validation x {evaluation.Repeats}");
        sb.AppendLine(Inv($"# {Cell(results.Name)}"));
        sb.AppendLine();
        sb.AppendLine(Inv($"{a.Models.Count} models on {a.Datasets.Count} datasets, {scheme}, seed {evaluation.Seed}; metric **{results.Metric}**. Every model saw the same splits of each dataset."));
        sb.AppendLine();
        var best = Enumerable.Range(0, a.Models.Count).MinBy(m => friedman.AverageRanks[m]);
        sb.AppendLine(Inv($"**{Cell(a.Models[best])}** has the best average rank ({friedman.AverageRanks[best]:0.00}). ")
            + (friedman.Significant
                ? Inv($"The models differ significantly (Friedman, Iman–Davenport F = {(friedman.ImanDavenportF is { } fv ? Num(fv) : "∞")}, {PEq(friedman.ImanDavenportPValue)}); models whose average ranks differ by at least the critical difference {nemenyi.CriticalDifference:F3} differ significantly (Nemenyi).")
                : Inv($"The differences are not significant over these datasets (Friedman, Iman–Davenport {PEq(friedman.ImanDavenportPValue)}, α = {friedman.Alpha}).")));

        sb.AppendLine();
        sb.AppendLine(Inv($"## Mean {results.Metric}"));
        sb.AppendLine();
        sb.AppendLine("| dataset | " + string.Join(" | ", a.Models.Select(m => m == a.Baseline ? $"{Cell(m)} (baseline)" : Cell(m))) + " |");
        sb.AppendLine("|---|" + string.Concat(a.Models.Select(_ => "---:|")));
        for (var d = 0; d < a.Datasets.Count; d++)
        {
            var cells = a.Models.Select((_, m) => Num(a.Means[d][m]) + (a.Marks[d][m].Length > 0 ? " " + a.Marks[d][m] : ""));
            sb.AppendLine($"| {Cell(a.Datasets[d])} | {string.Join(" | ", cells)} |");
        }

        // "0.00" as in experiment.html and cd.svg: .NET's "F2" prints an exact half such as 2.625 as 2.62, "0.00" as 2.63.
        sb.AppendLine("| **average rank** | " + string.Join(" | ", friedman.AverageRanks.Select(r => Inv($"{r:0.00}"))) + " |");
        sb.AppendLine("| (v/ /*) vs baseline | " + string.Join(" | ", a.Models.Select(m => a.WinTieLoss.TryGetValue(m, out var w) ? Inv($"({w.Wins}/{w.Ties}/{w.Losses})") : "-")) + " |");
        sb.AppendLine();
        sb.AppendLine(Inv($"v / * : significantly better / worse than **{Cell(a.Baseline)}** on that dataset (corrected resampled t-test, α = {friedman.Alpha}); rank 1 = best."));

        sb.AppendLine();
        sb.AppendLine("## Friedman and Nemenyi tests");
        sb.AppendLine();
        sb.AppendLine(Inv($"- Friedman χ² = {friedman.ChiSquare:F3} (df {friedman.ChiSquareDegreesOfFreedom}), {PEq(friedman.ChiSquarePValue)}; tie-corrected χ² = {friedman.ChiSquareTieCorrected:F3}, {PEq(friedman.ChiSquareTieCorrectedPValue)}."));
        sb.AppendLine(Inv($"- Iman–Davenport F = {(friedman.ImanDavenportF is { } f ? f.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "∞")} (df {friedman.FNumeratorDegreesOfFreedom}, {friedman.FDenominatorDegreesOfFreedom}), {PEq(friedman.ImanDavenportPValue)}: {(friedman.Significant ? "the models differ" : "no significant difference")} at α = {friedman.Alpha}."));
        if (friedman.ImanDavenportF is null)
        {
            sb.AppendLine(Inv($"- Every dataset ranks the models the same way: χ²_F reaches its maximum N(k − 1) and F_F is unbounded; the p above is then the exact chance of that agreement under H0, (k!)^(1 − N), to read beside the χ² {PEq(friedman.ChiSquarePValue)}."));
        }

        sb.AppendLine(Inv($"- Nemenyi critical difference CD = {nemenyi.CriticalDifference:F3} (q_α = {nemenyi.QAlpha:F3}, k = {a.Models.Count}, N = {a.Datasets.Count})."));
        if (nemenyi.Groups.Count > 0)
        {
            sb.AppendLine("- Groups not significantly different: " + string.Join("; ", nemenyi.Groups.Select(g => "{" + string.Join(", ", g.Models.Select(Cell)) + "}")) + ".");
        }

        var significant = nemenyi.Pairs.Where(p => p.Significant).ToList();
        sb.AppendLine(significant.Count == 0
            ? "- No pair differs significantly."
            : "- Significantly different pairs: " + string.Join(", ", significant.Select(p => Inv($"{Cell(p.A)} vs {Cell(p.B)} (|ΔR| = {p.RankDifference:F2}, {PEq(p.PValue)})"))) + ".");
        if (results.CdDiagramFile is { } diagram)
        {
            sb.AppendLine();
            sb.AppendLine($"![Critical-difference diagram]({diagram})");
        }

        if (a.Aggregates is { } views)
        {
            sb.AppendLine();
            sb.AppendLine("## Elo, normalized score and win rate");
            sb.AppendLine();
            sb.AppendLine("| model | Elo | 95% interval | normalized score | win rate |");
            sb.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var m in Enumerable.Range(0, views.Models.Count).OrderByDescending(i => views.Elo[i].Elo))
            {
                var elo = views.Elo[m];
                var name = Cell(views.Models[m]) + (views.Models[m] == views.Reference ? " (reference)" : "");
                sb.AppendLine(Inv($"| {name} | {elo.Elo:0} | [{elo.Low:0}, {elo.High:0}] | {views.NormalizedScore[m]:0.000} | {views.WinRate[m]:0.000} |"));
            }

            sb.AppendLine();
            sb.AppendLine(Inv($"As TabArena aggregates: one battle per pair of models and dataset (better mean wins, equal ties). Elo: Bradley-Terry maximum likelihood, 400 points = 10:1 odds, {Cell(views.Reference)} fixed at 1000, interval over {views.BootstrapRounds} bootstrap resamples of the datasets. Normalized score: per dataset (score - reference) / (best - reference) clipped to [0, 1], averaged. Win rate: share of battles won, ties half."));
        }

        sb.AppendLine();
        sb.AppendLine("## Datasets");
        sb.AppendLine();
        sb.AppendLine("| dataset | task | rows | features | classes | run | seconds |");
        sb.AppendLine("|---|---|---:|---:|---:|---|---:|");
        foreach (var dataset in results.Datasets)
        {
            sb.AppendLine(Inv($"| {Cell(dataset.Name)} | {dataset.Task} | {dataset.Rows} | {dataset.Features} | {dataset.Classes} | [{Cell(dataset.RunDirectory)}]({dataset.RunDirectory}/report.md) | {dataset.DurationSeconds:F1} |"));
        }

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
        sb.AppendLine(Inv($"_Started {results.StartedUtc:yyyy-MM-dd HH:mm:ss} UTC, took {results.DurationSeconds:F1} s. Files: `experiment.json`, `runs/DATASET/`._"));
        return sb.ToString();
    }
}
