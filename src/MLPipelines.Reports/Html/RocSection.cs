using System.Globalization;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Curves;
using MLPipelines.Reports.Formatting;
using MLPipelines.Reports.Inputs;

namespace MLPipelines.Reports.Html;

/// <summary>
/// ROC and precision-recall curves of every classifier from its out-of-fold predictions. Binary: the positive
/// class. Multiclass: the micro-average over one-vs-rest pairs, and a table of each class's one-vs-rest AUC.
/// </summary>
internal static class RocSection
{
    public static string? Render(ReportContext context)
    {
        var task = context.Results.Task;
        var samples = context.Content.Predictions.Where(s => task == "binary" ? s.Probability is not null || s.Score is not null : s.ClassProbabilities is not null).ToList();
        var positive = PredictionNotes.PositiveClass(context);
        if (task is not ("binary" or "multiclass") || samples.Count == 0 || (task == "binary" && positive is null))
        {
            return null;
        }

        var rocs = new List<ChartSeries>();
        var prs = new List<ChartSeries>();
        var table = new HtmlTable("model", TableCell.Number("AUC"), TableCell.Number("average precision"), TableCell.Number("positives"), TableCell.Number("rows"));
        foreach (var sample in samples)
        {
            var (outcome, score) = task == "binary" ? BinaryOutcomes.Binary(sample, positive!) : BinaryOutcomes.Micro(sample);
            var roc = RocCurve.Compute(outcome, score);
            var pr = PrecisionRecallCurve.Compute(outcome, score);
            var color = context.ColorIndex(sample.Model.Name);
            if (roc is not null)
            {
                var (x, y) = CurveThinner.Thin(roc.FalsePositiveRate, roc.TruePositiveRate);
                rocs.Add(new ChartSeries(sample.Model.Name, color, x, y));
            }

            if (pr is not null)
            {
                var (x, y) = CurveThinner.Thin(pr.Recall, pr.Precision);
                prs.Add(new ChartSeries(sample.Model.Name, color, x, y));
            }

            table.Row(
                TableCell.Markup(context.ModelLabel(sample.Model.Name)),
                TableCell.Number(roc is null ? "n/a" : Numbers.Metric(roc.Auc)),
                TableCell.Number(pr is null ? "n/a" : Numbers.Metric(pr.AveragePrecision)),
                TableCell.Number(Numbers.Count(outcome.Count(o => o))),
                TableCell.Number(Numbers.Count(outcome.Length)));
        }

        var html = new HtmlBuilder();
        PredictionNotes.Append(html, context);
        html.Element("p", task == "binary"
            ? $"Positive class: {positive}. The grey diagonal of the ROC chart is a random ranking; the grey line of the precision-recall chart is the share of positives, the precision of a random ranking."
            : "Micro-average over classes: every (row, class) pair counts as one yes/no prediction of that class's probability. The per-class one-vs-rest AUC is in the table below.", "note");
        html.Raw(context.Legend(samples.Select(s => s.Model.Name)));
        html.Open("div", "grid");
        if (rocs.Count > 0)
        {
            html.Figure(CurveChart.Render(rocs, "false positive rate", "true positive rate", (0, 0, 1, 1), false, "ROC curves, one per model"), "ROC");
        }

        if (prs.Count > 0)
        {
            var floor = PrecisionRecallFloor(context, samples[0], positive);
            html.Figure(CurveChart.Render(prs, "recall", "precision", (0, floor, 1, floor), false, "precision-recall curves, one per model"), "Precision-recall");
        }

        html.Close("div");
        table.AppendTo(html);
        if (task == "multiclass")
        {
            AppendPerClass(html, context, samples);
        }

        return html.ToString();
    }

    private static double PrecisionRecallFloor(ReportContext context, PredictionSample sample, string? positive)
    {
        var (outcome, _) = context.Results.Task == "binary" ? BinaryOutcomes.Binary(sample, positive!) : BinaryOutcomes.Micro(sample);
        return outcome.Length == 0 ? 0 : (double)outcome.Count(o => o) / outcome.Length;
    }

    private static void AppendPerClass(HtmlBuilder html, ReportContext context, List<PredictionSample> samples)
    {
        var classes = samples[0].Classes;
        var table = new HtmlTable([TableCell.Text("model"), .. classes.Select(c => TableCell.Number(c))]) { Caption = "One-vs-rest AUC per class" };
        foreach (var sample in samples)
        {
            var cells = new List<TableCell> { TableCell.Markup(context.ModelLabel(sample.Model.Name)) };
            for (var k = 0; k < classes.Count; k++)
            {
                var index = sample.Classes.ToList().IndexOf(classes[k]);
                RocCurve? auc = null;
                if (index >= 0)
                {
                    var (outcome, score) = BinaryOutcomes.OneVersusRest(sample, index);
                    auc = RocCurve.Compute(outcome, score);
                }

                cells.Add(TableCell.Number(auc is null ? "n/a" : Numbers.Metric(auc.Auc)));
            }

            table.Row(cells, null);
        }

        table.AppendTo(html);
        html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{classes.Count} classes; the hardest class for a model is the one with its lowest AUC."), "note");
    }
}
