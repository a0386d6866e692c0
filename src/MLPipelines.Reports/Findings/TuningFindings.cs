using System.Globalization;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Findings;

/// <summary>
/// The tuned models of a run and the verdict at equal budget, e.g. "At equal budget (60 s per model and outer
/// split): mlp:ensembled 0.8120 vs lightgbm:ensembled 0.8070 (accuracy), +0.50 points, not significant (p=0.31)."
/// Each family is represented by its better variant (tuned or ensembled) by mean outer score.
/// </summary>
public static class TuningFindings
{
    /// <summary>The tuned families of <paramref name="results"/>, in model order; empty when nothing was tuned.</summary>
    public static IReadOnlyList<TuningFamily> Families(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var metric = results.PrimaryMetric;
        var direction = MetricKinds.DirectionOf(metric);
        var design = RunStatistics.DesignOf(results);
        var families = new List<TuningFamily>();
        foreach (var tuned in results.Models.Where(m => m.Variant == "tuned" && m.Tuning is not null))
        {
            var name = tuned.Base ?? tuned.Name;
            var rows = results.Models.Where(m => m.Base == name).ToList();
            if (rows.FirstOrDefault(m => m.Variant == "default") is not { } defaults || rows.FirstOrDefault(m => m.Variant == "ensembled") is not { } ensembled)
            {
                continue;
            }

            PairedComparison Test(ModelResult a, ModelResult b) => CorrectedResampledTTest.Compare(
                metric, direction, a.Name, Folds(a, metric), b.Name, Folds(b, metric), design);
            families.Add(new TuningFamily
            {
                Base = name,
                Default = defaults,
                Tuned = tuned,
                Ensembled = ensembled,
                Search = tuned.Tuning!,
                TunedVsDefault = Test(tuned, defaults),
                EnsembledVsDefault = Test(ensembled, defaults),
                EnsembledVsTuned = Test(ensembled, tuned),
            });
        }

        return families;
    }

    /// <summary>The verdict at equal budget, or null when fewer than two models were tuned (with one: its gain over the defaults).</summary>
    public static string? Verdict(RunResults results, IReadOnlyList<TuningFamily> families)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(families);
        if (families.Count == 0)
        {
            return null;
        }

        var metric = results.PrimaryMetric;
        var direction = MetricKinds.DirectionOf(metric);
        var budget = BudgetText(families);
        if (families.Count == 1)
        {
            var f = families[0];
            return Inv($"{f.Base} tuned ({budget}): {Best(f, metric, direction).Name} {Numbers.Metric(Mean(Best(f, metric, direction), metric))} against {Numbers.Metric(Mean(f.Default, metric))} with its defaults ({metric}), {Significance(f.EnsembledVsDefault.PValue)} for the ensemble.");
        }

        var ranked = families.Select(f => Best(f, metric, direction))
            .OrderBy(m => direction == MetricDirection.HigherIsBetter ? -Mean(m, metric) : Mean(m, metric))
            .ToList();
        var (first, second) = (ranked[0], ranked[1]);
        var test = CorrectedResampledTTest.Compare(metric, direction, first.Name, Folds(first, metric), second.Name, Folds(second, metric), RunStatistics.DesignOf(results));
        var comparison = Inv($"{first.Name} {Numbers.Metric(Mean(first, metric))} vs {second.Name} {Numbers.Metric(Mean(second, metric))} ({metric}), {Significance(test.PValue)}.");
        return Equal(families)
            ? $"At equal budget ({budget}): {comparison}"
            : $"Budgets differ ({budget}), so this is not a comparison at equal compute: {comparison}";
    }

    /// <summary>"60 s per model and outer split", or per model when they differ: "lightgbm 5 trials, mlp 3 trials".</summary>
    public static string BudgetText(IReadOnlyList<TuningFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        return Equal(families)
            ? $"{families[0].Search.Budget} per model and outer split"
            : string.Join(", ", families.Select(f => $"{f.Base} {f.Search.Budget}"));
    }

    /// <summary>True when every tuned model had the same budget.</summary>
    public static bool Equal(IReadOnlyList<TuningFamily> families) =>
        families.Select(f => f.Search.Budget).Distinct(StringComparer.Ordinal).Count() <= 1;

    /// <summary>The family's better variant (tuned or ensembled) by mean outer score; tuned on a tie.</summary>
    public static ModelResult Best(TuningFamily family, string metric, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(family);
        var (tuned, ensembled) = (Mean(family.Tuned, metric), Mean(family.Ensembled, metric));
        var ensembleBetter = direction == MetricDirection.HigherIsBetter ? ensembled > tuned : ensembled < tuned;
        return ensembleBetter ? family.Ensembled : family.Tuned;
    }

    /// <summary>What the one-SE column means (HTML and Markdown).</summary>
    public const string OneSeNote = "One-SE rule (selection: one_se): the best configuration replaces the defaults, and the ensemble replaces the defaults or the tuned variant, only when its paired gain on the inner out-of-fold rows (cross-fitted: chosen on the other inner folds) exceeds one standard error; otherwise the incumbent is kept.";

    /// <summary>
    /// The one-standard-error rule's decisions on a split, one phrase each, e.g. "c3-r0 over defaults: gain +0.0042
    /// in error (1.9 SE), taken"; empty under <c>selection: best</c>.
    /// </summary>
    public static IReadOnlyList<string> Decisions(TuningSplitResult split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return [.. split.Decisions.Select(Decision)];
    }

    /// <summary>One decision: the candidate's paired gain (positive = better), in standard errors, and the outcome.</summary>
    public static string Decision(SelectionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var statistic = decision.Statistic.StartsWith("per_fold:", StringComparison.Ordinal)
            ? decision.Statistic["per_fold:".Length..] + " per inner fold"
            : decision.Statistic;
        var ratio = decision.StandardError > 0 && double.IsFinite(decision.StandardError)
            ? Inv($"{decision.Improvement / decision.StandardError:0.0} SE")
            : "no SE";
        var outcome = decision.Accepted ? "taken" : $"kept {decision.Incumbent}";
        return Inv($"{decision.Candidate} over {decision.Incumbent}: gain {Signed(decision.Improvement)} in {statistic} ({ratio}), {outcome}");
    }

    private static string Signed(double value) =>
        !double.IsFinite(value) ? "n/a" : (value >= 0 ? "+" : "-") + Numbers.Metric(Math.Abs(value));

    public static double Mean(ModelResult model, string metric) =>
        model.Metrics.TryGetValue(metric, out var summary) ? summary.Mean : double.NaN;

    private static IReadOnlyList<double> Folds(ModelResult model, string metric) =>
        model.Metrics.TryGetValue(metric, out var summary) ? summary.Folds : [.. model.Folds.Select(_ => double.NaN)];

    private static string Significance(double? p) =>
        p is null ? "not testable" : p < 0.05 ? $"significant (p={Numbers.PValue(p)})" : $"not significant (p={Numbers.PValue(p)})";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
