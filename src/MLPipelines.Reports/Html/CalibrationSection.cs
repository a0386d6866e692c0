using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Curves;
using MLPipelines.Reports.Formatting;

namespace MLPipelines.Reports.Html;

/// <summary>
/// Reliability diagrams: predicted probability against observed frequency in ten bins, with the expected
/// calibration error. Binary: P(positive class); multiclass: the top-label probability against being right.
/// </summary>
internal static class CalibrationSection
{
    public const int Bins = 10;

    public static string? Render(ReportContext context)
    {
        var task = context.Results.Task;
        var positive = PredictionNotes.PositiveClass(context);
        var samples = context.Content.Predictions.Where(s => task == "binary" ? s.Probability is not null : s.ClassProbabilities is not null).ToList();
        if (task is not ("binary" or "multiclass") || samples.Count == 0 || (task == "binary" && positive is null))
        {
            return null;
        }

        var curves = new List<ChartSeries>();
        var table = new HtmlTable("model", TableCell.Number("ECE"), TableCell.Number(task == "binary" ? "Brier score" : "top-label Brier"), TableCell.Number("rows"));
        foreach (var sample in samples)
        {
            var (outcome, probability) = task == "binary" ? BinaryOutcomes.Binary(sample, positive!) : BinaryOutcomes.TopLabel(sample);
            if (ReliabilityCurve.Compute(probability, outcome, Bins) is not { } curve)
            {
                continue;
            }

            curves.Add(new ChartSeries(sample.Model.Name, context.ColorIndex(sample.Model.Name),
                [.. curve.Bins.Select(b => b.MeanPredicted)], [.. curve.Bins.Select(b => b.ObservedRate)]));
            table.Row(
                TableCell.Markup(context.ModelLabel(sample.Model.Name)),
                TableCell.Number(Numbers.Metric(curve.ExpectedCalibrationError)),
                TableCell.Number(Numbers.Metric(curve.BrierScore)),
                TableCell.Number(Numbers.Count(curve.Bins.Sum(b => b.Count))));
        }

        if (curves.Count == 0)
        {
            return null;
        }

        var html = new HtmlBuilder();
        html.Element("p", task == "binary"
            ? $"Predicted P({positive}) in {Bins} equal bins against the share of rows that were {positive}. A calibrated model lies on the grey diagonal; below it the predicted probability is too high, above it too low."
            : $"The probability of the predicted class in {Bins} equal bins against the share of those predictions that were right (top-label calibration). A calibrated model lies on the grey diagonal; below it the model is over-confident.", "note");
        html.Raw(context.Legend(curves.Select(c => c.Name)));
        html.Open("div", "grid")
            .Figure(CurveChart.Render(curves, task == "binary" ? "mean predicted probability" : "mean top-label probability", "observed frequency", (0, 0, 1, 1), true, "reliability diagram, one curve per model"))
            .Open("div");
        table.AppendTo(html);
        html.Element("p", "ECE = Σ over bins of (rows in bin / rows) · |observed − predicted|; Brier score = mean of (p − y)². Lower is better for both.", "note");
        html.Close("div").Close("div");
        return html.ToString();
    }
}
