using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Findings;

namespace MLPipelines.Reports.Html;

/// <summary>Score against fit time (log axis), one point per model.</summary>
internal static class FitTimeSection
{
    public static string? Render(ReportContext context)
    {
        var metric = context.Findings.PrimaryMetric;
        var series = context.Results.Models
            .Where(m => !double.IsNaN(RunFindings.MeanOf(m, metric)) && m.FitSeconds.Mean > 0)
            .Select(m => new ChartSeries(m.Name, context.ColorIndex(m.Name), [m.FitSeconds.Mean], [RunFindings.MeanOf(m, metric)]))
            .ToList();
        if (series.Count == 0)
        {
            return null;
        }

        var corner = MetricKinds.LowerIsBetter(metric) ? "lower left" : "upper left";
        return new HtmlBuilder()
            .Element("p", $"Mean {metric} against mean seconds to fit one training split (preprocessing + trainer). Better models sit to the {corner}.", "note")
            .Open("div", "grid").Figure(FitTimeChart.Render(series, metric)).Close("div")
            .ToString();
    }
}
