using MLPipelines.Reports.Formatting;

namespace MLPipelines.Reports.Html;

/// <summary>How the run was configured: each model's trainer, options and preprocessing, the resolved spec and the environment.</summary>
internal static class SpecSection
{
    public static string Render(ReportContext context)
    {
        var html = new HtmlBuilder();
        var table = new HtmlTable("model", "trainer", "options", "preprocessing", TableCell.Number("final fit s"));
        foreach (var model in context.Results.Models)
        {
            var options = OptionText.Join(model.Options);
            table.Row(
                TableCell.Markup(context.ModelLabel(model.Name)),
                model.Trainer + (model.Family.Length > 0 ? $" ({model.Family})" : ""),
                TableCell.Text(options, "wrap"),
                TableCell.Text(string.Join(" → ", model.Preprocessing), "wrap"),
                TableCell.Number(Numbers.Seconds(model.FinalFitSeconds)));
        }

        table.AppendTo(html);
        if (context.Content.ResolvedSpec is { } spec)
        {
            html.OpenDetails("Resolved spec (resolved.yaml, every default filled in)").Open("pre").Text(spec).Close("pre").Close("details");
        }

        if (context.Content.Environment is { } environment)
        {
            html.OpenDetails("Environment (environment.json)").Open("pre").Text(environment).Close("pre").Close("details");
        }

        return html.ToString();
    }
}
