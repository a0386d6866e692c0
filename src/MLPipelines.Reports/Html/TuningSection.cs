using System.Globalization;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results;

namespace MLPipelines.Reports.Html;

/// <summary>
/// The Tuning section: the verdict at equal budget, anytime curves, default vs tuned vs ensembled per model with
/// the paired tests, then per outer split the configuration chosen, the optimism gap (inner score that chose it
/// minus the outer score it got), the ensemble's members and weights, and the budget used.
/// </summary>
internal static class TuningSection
{
    public static string? Render(ReportContext context)
    {
        var results = context.Results;
        var families = TuningFindings.Families(results);
        if (families.Count == 0)
        {
            return null;
        }

        var metric = results.PrimaryMetric;
        var html = new HtmlBuilder();
        html.Element("p", TuningFindings.Verdict(results, families)!, "verdict");
        html.Element("p", "Nested and paired: on each outer split the search used only that split's training rows (inner splits; their out-of-fold score chose the configuration and the ensemble), and the outer test rows were scored once by the inner models' average, never refitted. The three rows of a model share the outer splits with every other model, so all tests in this report apply to them.", "note");
        html.Raw(context.Legend(families.Select(f => f.Tuned.Name)));
        var budget = families.Select(f => f.Search.BudgetSeconds).Distinct().Count() == 1 ? families[0].Search.BudgetSeconds : null;
        html.Figure(AnytimeChart.Render(metric, [.. families.SelectMany(f => f.Search.Splits.Select(s => Curve(context, f, s, metric)))], budget));
        Variants(html, context, families, metric);
        foreach (var family in families)
        {
            Splits(html, context, family, metric);
        }

        return html.ToString();
    }

    private static (int, double[], double[]) Curve(ReportContext context, TuningFamily family, TuningSplitResult split, string metric)
    {
        var higher = MetricKinds.DirectionOf(metric) == MLPipelines.Results.Statistics.MetricDirection.HigherIsBetter;
        var seconds = new List<double>();
        var best = new List<double>();
        foreach (var trial in split.TrialLog.Where(t => t.Error is null && double.IsFinite(t.InnerScore)))
        {
            var value = best.Count == 0 ? trial.InnerScore : higher ? Math.Max(best[^1], trial.InnerScore) : Math.Min(best[^1], trial.InnerScore);
            seconds.Add(trial.FinishedAt);
            best.Add(value);
        }

        return (context.ColorIndex(family.Tuned.Name), [.. seconds], [.. best]);
    }

    private static void Variants(HtmlBuilder html, ReportContext context, IReadOnlyList<TuningFamily> families, string metric)
    {
        var table = new HtmlTable("model", TableCell.Number($"default {metric}"), TableCell.Number("tuned"), TableCell.Number("p vs default"),
            TableCell.Number("ensembled"), TableCell.Number("p vs default"), TableCell.Number("p vs tuned"),
            TableCell.Number("optimism gap (tuned, ensembled)"), TableCell.Number("seconds per split"), TableCell.Number("trials per split"))
        {
            Caption = "Mean over the outer splits; p = corrected resampled t-test on the paired outer scores",
        };
        foreach (var f in families)
        {
            table.Row(
                TableCell.Markup(context.ModelLabel(f.Base)),
                Mean(f.Default, metric),
                Mean(f.Tuned, metric),
                TableCell.Number(Numbers.PValue(f.TunedVsDefault.PValue)),
                Mean(f.Ensembled, metric),
                TableCell.Number(Numbers.PValue(f.EnsembledVsDefault.PValue)),
                TableCell.Number(Numbers.PValue(f.EnsembledVsTuned.PValue)),
                TableCell.Number($"{Signed(f.TunedGap)}, {Signed(f.EnsembledGap)}"),
                TableCell.Number(string.Create(CultureInfo.InvariantCulture, $"{f.MeanSeconds:0.0} ({f.Search.Budget})")),
                TableCell.Number(string.Create(CultureInfo.InvariantCulture, $"{f.Search.Splits.Average(s => s.Trials):0.#}")));
        }

        table.AppendTo(html);
        html.Element("p", "Optimism gap: the inner score that chose the configuration (or weighted the ensemble) minus the score it then got on the outer test rows. A large gap means the choice fitted the inner splits' noise; on data with no signal the outer score stays at chance while the inner score rises with the number of trials.", "note");
    }

    private static void Splits(HtmlBuilder html, ReportContext context, TuningFamily family, string metric)
    {
        var search = family.Search;
        var oneSe = search.Selection == "one_se";
        html.Element("h3", $"{family.Base}: {search.Strategy} search, {search.Budget}, inner {search.Inner}, ensemble of {search.EnsembleSize} rounds, selection {search.Selection}");
        List<TableCell> header = ["split", TableCell.Number("trials"), TableCell.Number("seconds"), TableCell.Number($"inner {metric}: default, tuned, ensembled"),
            TableCell.Number("outer: default, tuned, ensembled"), "chosen configuration", "ensemble (weight)"];
        if (oneSe)
        {
            header.Add("one-SE rule");
        }

        var table = new HtmlTable(header);
        foreach (var split in search.Splits)
        {
            var fold = family.Tuned.Folds.FirstOrDefault(f => f.Repeat == split.Repeat && f.Fold == split.Fold);
            List<TableCell> cells = [
                fold is null ? $"r{split.Repeat} f{split.Fold}" : context.SplitName(fold),
                TableCell.Number(split.FailedTrials > 0 ? $"{split.Trials} ({split.FailedTrials} failed)" : split.Trials.ToString(CultureInfo.InvariantCulture)),
                TableCell.Number(string.Create(CultureInfo.InvariantCulture, $"{split.Seconds:0.0}")),
                TableCell.Number($"{Numbers.Metric(split.DefaultInnerScore)}, {Numbers.Metric(split.TunedInnerScore)}, {Numbers.Metric(split.EnsembledInnerScore)}"),
                TableCell.Number($"{Numbers.Metric(split.DefaultOuterScore)}, {Numbers.Metric(split.TunedOuterScore)}, {Numbers.Metric(split.EnsembledOuterScore)}"),
                TableCell.Text(Values(split.Chosen, split.ChosenValues), "wrap"),
                TableCell.Text(string.Join("; ", split.Ensemble.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} ({m.Weight:0.##})"))), "wrap"),
            ];
            if (oneSe)
            {
                cells.Add(TableCell.Text(string.Join("; ", TuningFindings.Decisions(split)), "wrap"));
            }

            table.Row(cells, null);
        }

        table.AppendTo(html);
        if (search.Space.Count > 0)
        {
            html.Element("p", "Searched: " + string.Join("; ", search.Space) + ". Keys: cN-rR = configuration N (c0 = the defaults) at successive-halving rung R.", "note");
        }

        if (oneSe)
        {
            html.Element("p", TuningFindings.OneSeNote, "note");
        }
    }

    private static string Values(string key, IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? $"{key}: defaults" : $"{key}: " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));

    private static TableCell Mean(ModelResult model, string metric) => TableCell.Number(Numbers.Metric(TuningFindings.Mean(model, metric)));

    private static string Signed(double value) =>
        double.IsNaN(value) ? "-" : (Math.Round(value, 4) >= 0 ? "+" : "") + Numbers.Metric(Math.Round(value, 4) == 0 ? 0 : value);
}
