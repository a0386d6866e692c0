using MLPipelines.Reports.Findings;

namespace MLPipelines.Reports.Html;

/// <summary>The recommendation sentence, the verdict at equal tuning budget (when models were tuned), the notes that qualify them, and the run's warnings.</summary>
internal static class SummarySection
{
    public static string Render(ReportContext context)
    {
        var findings = context.Findings;
        var html = new HtmlBuilder();
        html.Element("p", findings.Summary, "verdict");
        if (TuningFindings.Verdict(context.Results, TuningFindings.Families(context.Results)) is { } tuning)
        {
            html.Element("p", tuning, "verdict");
        }
        if (SummarySentence.SpeedNote(findings) is { } speed)
        {
            html.Element("p", speed);
        }

        if (SummarySentence.BaselineNote(findings) is { } baseline)
        {
            html.Element("p", baseline);
        }

        if (!findings.Testable && findings.Results.Models.Count > 1)
        {
            html.Element("p", "The models were scored on a single split: there is no spread over splits, no confidence interval and no significance test. Use k-fold or repeated holdout to compare them with confidence.", "note");
        }

        var warnings = context.Results.Warnings;
        if (warnings.Count > 0)
        {
            html.Open("div", "warn").Element("strong", warnings.Count == 1 ? "Warning" : $"{warnings.Count} warnings").Open("ul");
            foreach (var warning in warnings)
            {
                html.Element("li", warning);
            }

            html.Close("ul").Close("div");
        }

        return html.ToString();
    }
}
