using System.Text;
using MLPipelines.Reports.Findings;
using MLPipelines.Results;
using static MLPipelines.Reports.Markdown.MarkdownText;

namespace MLPipelines.Reports.Markdown;

/// <summary>report.md's Tuning section: default vs tuned vs ensembled with the paired tests, and per outer split the choice, the gap and the ensemble.</summary>
internal static class MarkdownTuningSection
{
    public static void Append(StringBuilder sb, RunResults results, IReadOnlyList<TuningFamily> families)
    {
        if (families.Count == 0)
        {
            return;
        }

        var metric = results.PrimaryMetric;
        sb.AppendLine();
        sb.AppendLine("## Tuning");
        sb.AppendLine();
        sb.AppendLine(Inv($"| model | default {metric} | tuned | p vs default | ensembled | p vs default | optimism gap (tuned, ensembled) | seconds per split | budget |"));
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var f in families)
        {
            sb.AppendLine(Inv($"| {Cell(f.Base)} | {Num(TuningFindings.Mean(f.Default, metric))} | {Num(TuningFindings.Mean(f.Tuned, metric))} | {P(f.TunedVsDefault.PValue)} | {Num(TuningFindings.Mean(f.Ensembled, metric))} | {P(f.EnsembledVsDefault.PValue)} | {f.TunedGap:+0.0000;-0.0000}, {f.EnsembledGap:+0.0000;-0.0000} | {f.MeanSeconds:0.0} | {Cell(f.Search.Budget)} |"));
        }

        sb.AppendLine();
        sb.AppendLine("Nested: each outer split's search saw only its training rows; the inner models' average scored the outer test rows (no refit). Optimism gap = inner score of the choice minus its outer score; p = corrected resampled t-test on the paired outer scores.");
        if (families.Any(f => f.Search.Selection == "one_se"))
        {
            sb.AppendLine();
            sb.AppendLine(TuningFindings.OneSeNote);
        }

        foreach (var f in families)
        {
            sb.AppendLine();
            var oneSe = f.Search.Selection == "one_se";
            sb.AppendLine(Inv($"**{Cell(f.Base)}** ({f.Search.Strategy}, {Cell(f.Search.Budget)}, inner {f.Search.Inner}, selection {f.Search.Selection}):"));
            sb.AppendLine();
            sb.AppendLine("| split | trials | seconds | inner tuned | outer tuned | chosen | ensemble (weight) |" + (oneSe ? " one-SE rule |" : ""));
            sb.AppendLine("|---|---:|---:|---:|---:|---|---|" + (oneSe ? "---|" : ""));
            foreach (var s in f.Search.Splits)
            {
                var chosen = s.ChosenValues.Count == 0 ? "defaults" : string.Join(", ", s.ChosenValues.Select(v => $"{v.Key}={v.Value}"));
                var ensemble = string.Join("; ", s.Ensemble.Select(m => Inv($"{m.Key} ({m.Weight:0.##})")));
                sb.AppendLine(Inv($"| r{s.Repeat + 1} f{s.Fold + 1} | {s.Trials} | {s.Seconds:0.0} | {Num(s.TunedInnerScore)} | {Num(s.TunedOuterScore)} | {Cell(s.Chosen)}: {Cell(chosen)} | {Cell(ensemble)} |")
                    + (oneSe ? $" {Cell(string.Join("; ", TuningFindings.Decisions(s)))} |" : ""));
            }
        }
    }
}
