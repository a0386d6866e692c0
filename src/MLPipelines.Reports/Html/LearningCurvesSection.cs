using System.Globalization;
using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results;

namespace MLPipelines.Reports.Html;

/// <summary>
/// Learning curves of the models that record epochs (the neural trainers): loss and metric per epoch for every
/// split, and a table with the best epoch (lowest validation loss) of each split.
/// </summary>
internal static class LearningCurvesSection
{
    public static string? Render(ReportContext context)
    {
        var models = context.Results.Models.Where(m => m.Folds.Any(f => f.TrainingLog?.Epochs.Count > 0)).ToList();
        if (models.Count == 0)
        {
            return null;
        }

        var html = new HtmlBuilder();
        html.Element("p", "Per epoch, on each split: training (thin, faded) and validation (solid) values. The validation rows are held out of the split's training rows by the trainer, never the split's test rows.", "note");
        var table = new HtmlTable("model", "split", TableCell.Number("epochs"), TableCell.Number("best epoch"), TableCell.Number("best validation loss"), TableCell.Number("final training loss"), "notes");
        foreach (var model in models)
        {
            var logs = model.Folds.Where(f => f.TrainingLog?.Epochs.Count > 0).Select(f => (Fold: f, Epochs: f.TrainingLog!.Epochs)).ToList();
            html.Element("h3", model.Name);
            html.Open("div", "grid");
            html.Figure(LearningCurveChart.Render(model.Name, context.ColorIndex(model.Name), "loss",
                [.. logs.Select(l => Points(l.Epochs, e => e.TrainLoss))],
                [.. logs.Select(l => Points(l.Epochs, e => e.ValidationLoss))]));
            if (logs.Any(l => l.Epochs.Any(e => e.ValidationMetric is not null || e.TrainMetric is not null)))
            {
                html.Figure(LearningCurveChart.Render(model.Name, context.ColorIndex(model.Name), context.Results.PrimaryMetric,
                    [.. logs.Select(l => Points(l.Epochs, e => e.TrainMetric))],
                    [.. logs.Select(l => Points(l.Epochs, e => e.ValidationMetric))]));
            }

            html.Close("div");
            foreach (var (fold, epochs) in logs)
            {
                table.Row(
                    TableCell.Markup(context.ModelLabel(model.Name)),
                    context.SplitName(fold),
                    TableCell.Number(epochs.Count.ToString(CultureInfo.InvariantCulture)),
                    TableCell.Number(LearningCurves.BestEpoch(fold.TrainingLog!) is { } best ? best.Epoch.ToString(CultureInfo.InvariantCulture) : "-"),
                    TableCell.Number(LearningCurves.BestEpoch(fold.TrainingLog!)?.ValidationLoss is { } loss ? Numbers.Metric(loss) : "-"),
                    TableCell.Number(Numbers.Metric(epochs[^1].TrainLoss)),
                    TableCell.Text(string.Join("; ", fold.TrainingLog!.Notes), "wrap"));
            }
        }

        table.AppendTo(html);
        return html.ToString();
    }

    private static (double[] Epoch, double[] Value) Points(IReadOnlyList<EpochRecord> epochs, Func<EpochRecord, double?> value)
    {
        var points = epochs.Select(e => (e.Epoch, Value: value(e))).Where(p => p.Value is { } v && double.IsFinite(v)).ToList();
        return ([.. points.Select(p => (double)p.Epoch)], [.. points.Select(p => p.Value!.Value)]);
    }
}
