using System.Globalization;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Curves;
using MLPipelines.Reports.Formatting;
using MLPipelines.Reports.Inputs;

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
        html.Open("div", "grid");
        foreach (var sample in context.Content.Predictions)
        {
            var (actual, predicted) = Values(sample, log);
            var keep = Sampling.Indices(actual.Length, MaxPoints);
            double[] x = [.. keep.Select(i => predicted[i])];
            var color = context.ColorIndex(sample.Model.Name);
            var name = sample.Model.Name;
            var svg = residuals
                ? ScatterChart.Render(SvgChart.Label(name), color, x, [.. keep.Select(i => actual[i] - predicted[i])], $"predicted {scale}", "actual − predicted", false, $"residuals of {name} against its predictions")
                : ScatterChart.Render(SvgChart.Label(name), color, [.. keep.Select(i => actual[i])], x, $"actual {scale}", $"predicted {scale}", true, $"predicted against actual {scale} for {name}");
            html.Figure(svg, keep.Length < actual.Length ? string.Create(CultureInfo.InvariantCulture, $"{keep.Length:N0} of {actual.Length:N0} rows, chosen at random (seeded)") : null);
            if (residuals)
            {
                var r = Enumerable.Range(0, actual.Length).Select(i => actual[i] - predicted[i]).Where(double.IsFinite).ToArray();
                var mean = r.Length == 0 ? double.NaN : r.Average();
                table.Row(
                    TableCell.Markup(context.ModelLabel(name)),
                    TableCell.Number(Numbers.Metric(mean)),
                    TableCell.Number(Numbers.Metric(r.Length < 2 ? double.NaN : Math.Sqrt(r.Sum(v => (v - mean) * (v - mean)) / (r.Length - 1)))),
                    TableCell.Number(Numbers.Metric(r.Length == 0 ? double.NaN : Math.Sqrt(r.Average(v => v * v)))),
                    TableCell.Number(Numbers.Metric(r.Length == 0 ? double.NaN : r.Average(Math.Abs))),
                    TableCell.Number(Numbers.Count(r.Length)));
            }
        }

        html.Close("div");
        if (residuals)
        {
            html.Element("p", $"Residual = actual − predicted, on the {(log ? "log" : "label's")} scale. A mean residual far from 0 is a bias; a funnel or curve in the chart means the error depends on the prediction.", "note");
            table.AppendTo(html);
        }

        return html.ToString();
    }

    /// <summary>Actual and predicted values on the metrics' scale: the log of the file's values with a log label, the file's values otherwise.</summary>
    private static (double[] Actual, double[] Predicted) Values(PredictionSample sample, bool log)
    {
        double[] actual = [.. sample.Actual.Select(Parse)];
        if (log)
        {
            return ([.. actual.Select(a => Math.Log(a))], sample.Score ?? [.. sample.Predicted.Select(p => Math.Log(Parse(p)))]);
        }

        return (actual, [.. sample.Predicted.Select(Parse)]);
    }

    private static double Parse(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
