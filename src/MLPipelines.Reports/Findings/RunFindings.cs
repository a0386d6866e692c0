using MLPipelines.Results;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Findings;

/// <summary>
/// What a run's results say, computed once for every report format: the models ranked on the primary metric,
/// the baseline, each model's mean, std, 95% interval and significance mark per metric, the comparisons to list,
/// and the summary sentence. Reads only <see cref="RunResults"/>; statistics missing from an older results file
/// are computed here with the same functions the runner uses (<see cref="RunStatistics"/>).
/// </summary>
public sealed class RunFindings
{
    private readonly Dictionary<(string Model, string Metric), ModelSummary> summaries;
    private readonly Dictionary<(string Model, string Metric), PairedComparison> versusBaseline;

    private RunFindings(RunResults results, string? requestedBaseline)
    {
        Results = results;
        PrimaryMetric = results.PrimaryMetric;
        Ranked = Rank(results.Models, PrimaryMetric);
        Metrics = [.. results.Models.SelectMany(m => m.Metrics.Keys).Distinct(StringComparer.Ordinal).OrderBy(m => m == PrimaryMetric ? 0 : 1)];
        Splits = results.Models.Count > 0 ? results.Models.Max(m => m.Folds.Count) : 0;
        Alpha = results.Statistics?.Alpha ?? 0.05;
        Design = TryDesign(results);
        (Baseline, BaselineReason) = ChooseBaseline(results, requestedBaseline);
        AllPairs = results.Statistics?.AllPairs == true && results.Comparisons?.Count > 0;
        versusBaseline = CompareWithBaseline();
        summaries = Summarize();
        Comparisons = results.Comparisons?.Count > 0
            ? [.. results.Comparisons.OrderBy(c => c.Metric == PrimaryMetric ? 0 : 1)]
            : [.. versusBaseline.Values.OrderBy(c => c.Metric == PrimaryMetric ? 0 : 1)];
        Lead = CompareLeaders();
        Summary = SummarySentence.For(this);
    }

    public RunResults Results { get; }

    public string PrimaryMetric { get; }

    /// <summary>Models best first on the primary metric (models without a value last, in run order).</summary>
    public IReadOnlyList<ModelResult> Ranked { get; }

    /// <summary>Every metric any model reports, primary first, then in results order.</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>Splits (folds × repeats) per model.</summary>
    public int Splits { get; }

    /// <summary>True when there are at least two splits, so t-tests and intervals exist.</summary>
    public bool Testable => Splits >= 2 && Design is not null;

    /// <summary>Significance level of every test.</summary>
    public double Alpha { get; }

    /// <summary>The resampling design behind the tests (null when the results do not allow one).</summary>
    public ResamplingDesign? Design { get; }

    /// <summary>The model the others are marked against; null without models.</summary>
    public string? Baseline { get; }

    /// <summary>Why <see cref="Baseline"/> is the baseline, e.g. "best boosted-tree model".</summary>
    public string BaselineReason { get; }

    /// <summary>The comparisons to list: those of results.json when present, else every model against the baseline (computed here).</summary>
    public IReadOnlyList<PairedComparison> Comparisons { get; }

    /// <summary>True when <see cref="Comparisons"/> holds every pair (Holm-adjusted).</summary>
    public bool AllPairs { get; }

    /// <summary>The best model against the runner-up on the primary metric; null with fewer than two ranked models.</summary>
    public PairedComparison? Lead { get; }

    /// <summary>The recommendation in one sentence (plain text: escape it for HTML).</summary>
    public string Summary { get; }

    /// <summary>Builds the findings; <paramref name="requestedBaseline"/> is <c>report.baseline</c> when known.</summary>
    public static RunFindings From(RunResults results, string? requestedBaseline = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new RunFindings(results, requestedBaseline);
    }

    /// <summary>The summary of <paramref name="metric"/> for <paramref name="model"/>, or null when the model lacks it.</summary>
    public ModelSummary? SummaryOf(string model, string metric) => summaries.GetValueOrDefault((model, metric));

    /// <summary>The test of <paramref name="model"/> against the baseline on <paramref name="metric"/> (null for the baseline itself).</summary>
    public PairedComparison? VersusBaseline(string model, string metric) => versusBaseline.GetValueOrDefault((model, metric));

    /// <summary>The metric's mean for a model, NaN when missing.</summary>
    public static double MeanOf(ModelResult model, string metric) =>
        model.Metrics.TryGetValue(metric, out var s) && double.IsFinite(s.Mean) ? s.Mean : double.NaN;

    private static List<ModelResult> Rank(IReadOnlyList<ModelResult> models, string metric)
    {
        var lower = MetricKinds.LowerIsBetter(metric);
        return [.. models
            .Select((m, i) => (Model: m, Index: i, Mean: MeanOf(m, metric)))
            .OrderBy(x => double.IsNaN(x.Mean) ? 1 : 0)
            .ThenBy(x => double.IsNaN(x.Mean) ? 0 : lower ? x.Mean : -x.Mean)
            .ThenBy(x => x.Index)
            .Select(x => x.Model)];
    }

    private static ResamplingDesign? TryDesign(RunResults results)
    {
        try
        {
            return results.Models.Count > 0 ? RunStatistics.DesignOf(results) : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (string? Name, string Reason) ChooseBaseline(RunResults results, string? requested)
    {
        if (results.Models.Count == 0)
        {
            return (null, "");
        }

        if (results.Statistics is { Baseline: var recorded } statistics && results.Models.Any(m => m.Name == recorded))
        {
            return (recorded, statistics.BaselineReason.Length > 0 ? statistics.BaselineReason : "baseline");
        }

        if (requested is not null && results.Models.Any(m => m.Name == requested))
        {
            return (requested, "report.baseline");
        }

        var name = RunStatistics.BaselineOf(results);
        var reason = results.Models.First(m => m.Name == name).Family == "boosted_trees" ? "best boosted-tree model" : "best model";
        return (name, reason);
    }

    private Dictionary<(string, string), PairedComparison> CompareWithBaseline()
    {
        var result = new Dictionary<(string, string), PairedComparison>();
        if (Baseline is null || Design is null || Results.Models.Count < 2)
        {
            return result;
        }

        var baseline = Results.Models.First(m => m.Name == Baseline);
        foreach (var metric in Metrics)
        {
            if (!baseline.Metrics.TryGetValue(metric, out var reference))
            {
                continue;
            }

            foreach (var model in Results.Models.Where(m => m.Name != Baseline && m.Metrics.ContainsKey(metric)))
            {
                var recorded = AllPairs ? null : Results.Comparisons?.FirstOrDefault(c => c.A == model.Name && c.B == Baseline && c.Metric == metric);
                if ((recorded ?? TryCompare(metric, model.Name, model.Metrics[metric].Folds, Baseline, reference.Folds)) is { } test)
                {
                    result[(model.Name, metric)] = test;
                }
            }
        }

        return result;
    }

    private PairedComparison? TryCompare(string metric, string a, IReadOnlyList<double> foldsA, string b, IReadOnlyList<double> foldsB)
    {
        if (Design is null || foldsA.Count != Design.Runs || foldsB.Count != Design.Runs)
        {
            return null;
        }

        return CorrectedResampledTTest.Compare(metric, MetricKinds.DirectionOf(metric), a, foldsA, b, foldsB, Design, Alpha);
    }

    private Dictionary<(string, string), ModelSummary> Summarize()
    {
        var result = new Dictionary<(string, string), ModelSummary>();
        foreach (var model in Results.Models)
        {
            foreach (var (metric, summary) in model.Metrics)
            {
                double? low = summary.CiLow, high = summary.CiHigh;
                if (low is null && Design is not null && summary.Folds.Count(double.IsFinite) >= 2)
                {
                    var statistics = DescriptiveStatistics.Summarize(summary.Folds, Design);
                    (low, high) = (statistics.Lower, statistics.Upper);
                }

                (low, high) = (Clamp(metric, low), Clamp(metric, high));

                var test = VersusBaseline(model.Name, metric);
                var mark = test?.Better is null ? "" : test.Better == model.Name ? "v" : "*";
                result[(model.Name, metric)] = new ModelSummary(summary.Mean, summary.Std, low, high, mark);
            }
        }

        return result;
    }

    private static double? Clamp(string metric, double? value) => value is { } v ? MetricKinds.Clamp(metric, v) : null;

    private PairedComparison? CompareLeaders()
    {
        var ranked = Ranked.Where(m => !double.IsNaN(MeanOf(m, PrimaryMetric))).ToList();
        if (ranked.Count < 2)
        {
            return null;
        }

        var (best, second) = (ranked[0], ranked[1]);
        return TryCompare(PrimaryMetric, best.Name, best.Metrics[PrimaryMetric].Folds, second.Name, second.Metrics[PrimaryMetric].Folds);
    }
}
