using System.Globalization;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Curves;
using MLPipelines.Reports.Formatting;

namespace MLPipelines.Reports.Html;

/// <summary>
/// Regression diagnostics from the out-of-fold predictions: predicted against actual (y = x is perfect) and
/// residuals against predicted (structure means the model misses something), on the scale the metrics use (the log
/// scale for a log-transformed label). Large data is subsampled deterministically for the charts.
/// </summary>
internal static class RegressionSection
{
    /// <summary>Most points drawn per chart (keeps the inline SVG small).</summary>
    public const int MaxPoints = 1200;

    public static string? RenderPredictedVsActual(ReportContext context) => Render(context, residuals: false);

    public static string? RenderResiduals(ReportContext context) => Render(context, residuals: true);

    private static string? Render(ReportContext context, bool residuals)
    {
        if (context.Results.Task != "regression" || context.Content.Predictions.Count == 0)
        {
            return null;
        }

        var log = context.Results.Dataset.LabelTransform == "log";
        var label = context.Results.Dataset.Label.Length > 0 ? context.Results.Dataset.Label : "label";
        var scale = log ? $"log({label})" : label;
        var html = new HtmlBuilder();
        if (!residuals)
        {
            PredictionNotes.Append(html, context);
        }

        var table = new HtmlTable("model", TableCell.Number("mean residual"), TableCell.Number("residual std"), TableCell.Number("rmse"), TableCell.Number("mae"), TableCell.Number("rows"));
        var values = context.Content.Predictions.Select(sample => sample.RegressionValues(log)).ToList();
        var limits = SharedLimits(values, residuals);
        html.Open("div", "grid");
        for (var s = 0; s < values.Count; s++)
        {
            var sample = context.Content.Predictions[s];
            var (actual, predicted) = values[s];
            var keep = Sampling.Indices(actual.Length, MaxPoints);
            double[] x = [.. keep.Select(i => predicted[i])];
            var color = context.ColorIndex(sample.Model.Name);
            var name = sample.Model.Name;
            var svg = residuals
                ? ScatterChart.Render(SvgChart.Label(name), color, x, [.. keep.Select(i => actual[i] - predicted[i])], $"predicted {scale}", "actual − predicted", false, $"residuals of {name} against its predictions", limits)
                : ScatterChart.Render(SvgChart.Label(name), color, [.. keep.Select(i => actual[i])], x, $"actual {scale}", $"predicted {scale}", true, $"predicted against actual {scale} for {name}", limits);
            html.Figure(svg, Caption(actual, predicted, keep.Length, residuals, limits));
            if (residuals)
            {
                var summary = ResidualSummary.Compute(actual, predicted);
                table.Row(
                    TableCell.Markup(context.ModelLabel(name)),
                    TableCell.Number(Numbers.Metric(summary.Mean)),
                    TableCell.Number(Numbers.Metric(summary.Std)),
                    TableCell.Number(Numbers.Metric(summary.Rmse)),
                    TableCell.Number(Numbers.Metric(summary.Mae)),
                    TableCell.Number(Numbers.Count(summary.Rows)));
            }
        }

        html.Close("div");
        if (residuals)
        {
            html.Element("p", $"Residual = actual − predicted, on the {(log ? "log" : "label's")} scale. A mean residual far from 0 is a bias; a funnel or curve in the chart means the error depends on the prediction. Every model's chart has the same axes.", "note");
            table.AppendTo(html);
        }

        return html.ToString();
    }

    /// <summary>
    /// Axes shared by every model's chart, so they compare at a glance. Both axes of predicted vs actual, and the x
    /// axis of the residuals, span the actual values (widened by predictions up to a quarter of that span beyond
    /// them); the residual axis is symmetric and spans the largest residual unless that is over twice the 99.5th
    /// percentile of |residual| (a few wild predictions), in which case it spans twice that percentile. Points outside
    /// are drawn on the edge and counted in the caption.
    /// </summary>
    private static ScatterLimits? SharedLimits(List<(double[] Actual, double[] Predicted)> values, bool residuals)
    {
        var actual = values.SelectMany(v => v.Actual).Where(double.IsFinite).ToArray();
        var predicted = values.SelectMany(v => v.Predicted).Where(double.IsFinite).ToArray();
        if (actual.Length == 0 || predicted.Length == 0)
        {
            return null;
        }

        double aLow = actual.Min(), aHigh = actual.Max();
        var span = aHigh > aLow ? aHigh - aLow : Math.Max(1, Math.Abs(aLow));
        var low = Math.Min(aLow, Math.Max(predicted.Min(), aLow - (0.25 * span)));
        var high = Math.Max(aHigh, Math.Min(predicted.Max(), aHigh + (0.25 * span)));
        var pad = 0.04 * (high - low);
        (low, high) = (low - pad, high + pad);
        if (!residuals)
        {
            return new ScatterLimits(low, high, low, high);
        }

        var magnitudes = values.SelectMany(v => Enumerable.Range(0, v.Actual.Length).Select(i => Math.Abs(v.Actual[i] - v.Predicted[i])))
            .Where(double.IsFinite).Order().ToArray();
        if (magnitudes.Length == 0)
        {
            return null;
        }

        var largest = magnitudes[^1];
        var p995 = magnitudes[Math.Min(magnitudes.Length - 1, (int)Math.Floor(0.995 * (magnitudes.Length - 1)))];
        var reach = largest > 2 * p995 && p995 > 0 ? 2 * p995 : largest;
        reach = reach > 0 ? reach * 1.05 : 1;
        return new ScatterLimits(low, high, -reach, reach);
    }

    /// <summary>"1,200 of 10,788 rows, chosen at random (seeded); 3 beyond the axes, drawn on the edge", or null when neither applies.</summary>
    private static string? Caption(double[] actual, double[] predicted, int drawn, bool residuals, ScatterLimits? limits)
    {
        var parts = new List<string>();
        if (drawn < actual.Length)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{drawn:N0} of {actual.Length:N0} rows, chosen at random (seeded)"));
        }

        if (limits is { } l)
        {
            var outside = Enumerable.Range(0, actual.Length).Count(i => double.IsFinite(actual[i]) && double.IsFinite(predicted[i])
                && (residuals ? l.Outside(predicted[i], actual[i] - predicted[i]) : l.Outside(actual[i], predicted[i])));
            if (outside > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{outside:N0} row(s) beyond the shared axes, drawn on the edge"));
            }
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
