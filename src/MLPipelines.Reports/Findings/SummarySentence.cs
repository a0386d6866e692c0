using System.Globalization;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Findings;

/// <summary>
/// The recommendation in one sentence, e.g. "lightgbm is best on accuracy (0.9657), 0.4 points ahead of mlp,
/// difference not significant (p=0.21)." Gaps of proportion metrics (accuracy, auc, f1, ...) are told in
/// percentage points, other gaps in the metric's units ("0.012 lower than" for error metrics); the p-value is the
/// corrected resampled t-test of the best model against the runner-up, unadjusted.
/// </summary>
public static class SummarySentence
{
    /// <summary>Relative tolerance under which two means count as a tie.</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>The sentence for <paramref name="findings"/>.</summary>
    public static string For(RunFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var metric = findings.PrimaryMetric;
        var scored = findings.Ranked.Where(m => !double.IsNaN(RunFindings.MeanOf(m, metric))).ToList();
        if (findings.Results.Models.Count == 0)
        {
            return "The run has no models.";
        }

        if (scored.Count == 0)
        {
            return $"No model produced a {metric} value.";
        }

        var best = scored[0];
        var bestMean = RunFindings.MeanOf(best, metric);
        if (scored.Count == 1)
        {
            var only = findings.Results.Models.Count == 1 ? "is the only model" : "is the only model with a value";
            return $"{best.Name} {only}: {metric} {Numbers.Metric(bestMean)}{IntervalText(findings, best.Name, metric)}; there is nothing to compare it with.";
        }

        var tied = scored.TakeWhile(m => IsTie(RunFindings.MeanOf(m, metric), bestMean)).ToList();
        if (tied.Count > 1)
        {
            return $"{JoinNames(tied.Select(m => m.Name))} tie for best on {metric} ({Numbers.Metric(bestMean)}): no model is ahead.";
        }

        var second = scored[1];
        var gap = Math.Abs(bestMean - RunFindings.MeanOf(second, metric));
        return $"{best.Name} is best on {metric} ({Numbers.Metric(bestMean)}), {GapText(metric, gap)} {second.Name}, {SignificanceText(findings.Lead)}.";
    }

    /// <summary>
    /// A second sentence when it helps the decision: the runner-up is not significantly worse and fits at least
    /// twice as fast. Null otherwise.
    /// </summary>
    public static string? SpeedNote(RunFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Lead is not { } lead || lead.Significant || lead.PValue is null)
        {
            return null;
        }

        var best = findings.Results.Models.First(m => m.Name == lead.A);
        var second = findings.Results.Models.First(m => m.Name == lead.B);
        if (!(second.FitSeconds.Mean > 0) || best.FitSeconds.Mean < 2 * second.FitSeconds.Mean)
        {
            return null;
        }

        var ratio = best.FitSeconds.Mean / second.FitSeconds.Mean;
        return string.Create(CultureInfo.InvariantCulture,
            $"{second.Name} is not significantly worse and fits {ratio:0.#}x faster ({Numbers.Seconds(second.FitSeconds.Mean)} s vs {Numbers.Seconds(best.FitSeconds.Mean)} s per split).");
    }

    /// <summary>
    /// "Against the baseline X (why) on metric: n significantly better, n not significantly different, n significantly
    /// worse." Null without a baseline, a second model or a test.
    /// </summary>
    public static string? BaselineNote(RunFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var metric = findings.PrimaryMetric;
        if (findings.Baseline is not { } baseline || !findings.Testable)
        {
            return null;
        }

        var tests = findings.Results.Models.Where(m => m.Name != baseline)
            .Select(m => findings.VersusBaseline(m.Name, metric)).OfType<PairedComparison>().ToList();
        if (tests.Count == 0)
        {
            return null;
        }

        int better = tests.Count(t => t.Better == t.A), worse = tests.Count(t => t.Better == t.B);
        int same = tests.Count - better - worse;
        return string.Create(CultureInfo.InvariantCulture,
            $"Against the baseline {baseline} ({findings.BaselineReason}) on {metric}: {better} model(s) significantly better, {same} not significantly different, {worse} significantly worse (corrected resampled t-test, α = {findings.Alpha:0.##}).");
    }

    private static bool IsTie(double a, double b) => Math.Abs(a - b) <= TieTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static string GapText(string metric, double gap)
    {
        if (MetricKinds.IsProportion(metric))
        {
            var points = gap * 100;
            var text = points.ToString(points >= 0.1 ? "0.0" : "0.0#", CultureInfo.InvariantCulture);
            return $"{text} {(text == "1.0" ? "point" : "points")} ahead of";
        }

        return $"{Numbers.Metric(gap)} {(MetricKinds.LowerIsBetter(metric) ? "lower" : "higher")} than";
    }

    private static string SignificanceText(PairedComparison? lead) => lead switch
    {
        null or { PValue: null } => "no significance test with a single split",
        { Significant: true } => $"difference significant ({P(lead.PValue)})",
        _ => $"difference not significant ({P(lead.PValue)})",
    };

    private static string P(double? p) => p < 0.001 ? "p<0.001" : $"p={Numbers.PValue(p)}";

    private static string IntervalText(RunFindings findings, string model, string metric) =>
        findings.SummaryOf(model, metric) is { Low: { } low, High: { } high }
            ? $" (95% interval {Numbers.Metric(low)} to {Numbers.Metric(high)})"
            : "";

    private static string JoinNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= 2 ? string.Join(" and ", list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
