using System.Globalization;

namespace MLPipelines.Reports.Html;

/// <summary>The sentence that says which predictions the prediction-based charts use, and any models left out.</summary>
internal static class PredictionNotes
{
    public static void Append(HtmlBuilder html, ReportContext context)
    {
        var evaluation = context.Results.Evaluation;
        var repeats = evaluation.Repeats > 1 ? string.Create(CultureInfo.InvariantCulture, $" of the first of {evaluation.Repeats} repeats") : "";
        var what = evaluation.Method == "holdout"
            ? $"Test-split predictions{repeats} (predictions/MODEL.csv)."
            : $"Out-of-fold predictions{repeats} (predictions/MODEL.csv): every row scored once, by the model of the split that did not train on it.";
        html.Element("p", what, "note");
        foreach (var problem in context.Content.PredictionProblems)
        {
            html.Element("p", "Left out: " + problem, "note");
        }
    }

    /// <summary>The class whose probability the binary predictions give: <c>dataset.positive_class</c>, else the second class.</summary>
    public static string? PositiveClass(ReportContext context)
    {
        var dataset = context.Results.Dataset;
        return dataset.PositiveClass ?? (dataset.Classes.Count == 2 ? dataset.Classes[1] : null);
    }
}
