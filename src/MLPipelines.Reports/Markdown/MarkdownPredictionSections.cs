using System.Text;
using MLPipelines.Reports.Curves;
using MLPipelines.Reports.Inputs;
using MLPipelines.Results;
using static MLPipelines.Reports.Markdown.MarkdownText;

namespace MLPipelines.Reports.Markdown;

/// <summary>
/// The findings report.html draws from the saved predictions, as numbers: for classifiers the ROC AUC, average
/// precision, calibration (ECE, Brier), the most frequent confusion and the confusion matrices; for regression the
/// residual bias and spread. Same predictions as the HTML charts (the first repeat of the out-of-fold predictions).
/// </summary>
internal static class MarkdownPredictionSections
{
    /// <summary>Confusion matrices are printed up to this many classes (wider tables do not read in a terminal).</summary>
    private const int MatrixClassLimit = 12;

    private const int CalibrationBins = 10;

    public static void Append(StringBuilder sb, RunFolderContent content)
    {
        var results = content.Results;
        var samples = content.Predictions;
        if (samples.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine("## Predictions");
        sb.AppendLine();
        var repeats = results.Evaluation.Repeats > 1 ? Inv($" of the first of {results.Evaluation.Repeats} repeats") : "";
        sb.AppendLine(results.Evaluation.Method == "kfold"
            ? $"From the out-of-fold predictions{repeats} (`predictions/MODEL.csv`): every row scored once, by the model of the split that did not train on it."
            : $"From the test-split predictions{repeats} (`predictions/MODEL.csv`).");
        foreach (var problem in content.PredictionProblems)
        {
            sb.AppendLine();
            sb.AppendLine($"_Left out: {Cell(problem)}_");
        }

        if (results.Task == "regression")
        {
            AppendResiduals(sb, results, samples);
        }
        else if (results.Task is "binary" or "multiclass" && results.Dataset.Classes.Count > 0)
        {
            AppendClassification(sb, results, samples);
        }
    }

    private static void AppendResiduals(StringBuilder sb, RunResults results, IReadOnlyList<PredictionSample> samples)
    {
        var log = results.Dataset.LabelTransform == "log";
        sb.AppendLine();
        sb.AppendLine("| model | mean residual | residual std | rmse | mae | rows |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var sample in samples)
        {
            var (actual, predicted) = sample.RegressionValues(log);
            var r = ResidualSummary.Compute(actual, predicted);
            sb.AppendLine(Inv($"| {Cell(sample.Model.Name)} | {Num(r.Mean)} | {Num(r.Std)} | {Num(r.Rmse)} | {Num(r.Mae)} | {r.Rows:N0} |"));
        }

        sb.AppendLine();
        sb.AppendLine($"Residual = actual − predicted{(log ? ", on the log scale" : "")}; a mean far from 0 is a bias.");
    }

    private static void AppendClassification(StringBuilder sb, RunResults results, IReadOnlyList<PredictionSample> samples)
    {
        var classes = results.Dataset.Classes;
        var binary = results.Task == "binary";
        var positive = results.Dataset.PositiveClass ?? (classes.Count == 2 ? classes[1] : null);
        sb.AppendLine();
        sb.AppendLine(binary
            ? $"AUC and average precision of P({Cell(positive ?? "?")}); calibration of that probability in {CalibrationBins} bins."
            : $"AUC and average precision micro-averaged over classes (one-vs-rest); calibration of the predicted class's probability (top label) in {CalibrationBins} bins.");
        sb.AppendLine();
        sb.AppendLine("| model | accuracy | AUC | average precision | ECE | Brier | most frequent error |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        var matrices = new List<(string Model, ConfusionMatrix Matrix)>();
        foreach (var sample in samples)
        {
            var matrix = ConfusionMatrix.Compute(sample.Actual, sample.Predicted, classes);
            matrices.Add((sample.Model.Name, matrix));
            (bool[] Outcome, double[] Score)? ranking = binary
                ? (positive is not null && (sample.Probability ?? sample.Score) is not null ? BinaryOutcomes.Binary(sample, positive) : null)
                : (sample.ClassProbabilities is not null ? BinaryOutcomes.Micro(sample) : null);
            var roc = ranking is { } rk ? RocCurve.Compute(rk.Outcome, rk.Score) : null;
            var pr = ranking is { } rp ? PrecisionRecallCurve.Compute(rp.Outcome, rp.Score) : null;
            (bool[] Outcome, double[] Score)? calibrated = binary
                ? (positive is not null && sample.Probability is not null ? BinaryOutcomes.Binary(sample, positive) : null)
                : (sample.ClassProbabilities is not null ? BinaryOutcomes.TopLabel(sample) : null);
            var reliability = calibrated is { } c ? ReliabilityCurve.Compute(c.Score, c.Outcome, CalibrationBins) : null;
            sb.AppendLine(Inv($"| {Cell(sample.Model.Name)} | {Num(matrix.Accuracy)} | {(roc is null ? "n/a" : Num(roc.Auc))} | {(pr is null ? "n/a" : Num(pr.AveragePrecision))} | {(reliability is null ? "n/a" : Num(reliability.ExpectedCalibrationError))} | {(reliability is null ? "n/a" : Num(reliability.BrierScore))} | {MostFrequentError(matrix)} |"));
        }

        if (classes.Count > MatrixClassLimit)
        {
            sb.AppendLine();
            sb.AppendLine(Inv($"_Confusion matrices of {classes.Count} classes are in report.html._"));
            return;
        }

        sb.AppendLine();
        sb.AppendLine("### Confusion matrices");
        foreach (var (model, matrix) in matrices)
        {
            sb.AppendLine();
            sb.AppendLine($"**{Cell(model)}** (rows: actual, columns: predicted)");
            sb.AppendLine();
            sb.AppendLine("| actual \\ predicted | " + string.Join(" | ", classes.Select(Cell)) + " |");
            sb.AppendLine("|---|" + string.Concat(classes.Select(_ => "---:|")));
            for (var a = 0; a < classes.Count; a++)
            {
                sb.AppendLine($"| {Cell(classes[a])} | " + string.Join(" | ", Enumerable.Range(0, classes.Count).Select(p => Inv($"{matrix.Counts[a, p]:N0}"))) + " |");
            }
        }
    }

    /// <summary>"actual X predicted as Y (n rows)" for the largest off-diagonal cell, or "none".</summary>
    private static string MostFrequentError(ConfusionMatrix matrix)
    {
        var (count, actual, predicted) = (0, -1, -1);
        for (var a = 0; a < matrix.Classes.Count; a++)
        {
            for (var p = 0; p < matrix.Classes.Count; p++)
            {
                if (a != p && matrix.Counts[a, p] > count)
                {
                    (count, actual, predicted) = (matrix.Counts[a, p], a, p);
                }
            }
        }

        return count == 0 ? "none" : Inv($"{Cell(matrix.Classes[actual])} predicted as {Cell(matrix.Classes[predicted])} ({count:N0} row{(count == 1 ? "" : "s")})");
    }
}
