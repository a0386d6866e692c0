using System.Globalization;
using MLPipelines.Reports.Html;
using MLPipelines.Results.Experiments;

namespace MLPipelines.Reports.Experiments;

/// <summary>
/// TabArena's aggregate views as a table, best Elo first: Elo with its bootstrap 95% interval (the reference model
/// at 1000), mean normalized score (per dataset best = 1, reference = 0) and win rate.
/// </summary>
internal static class ExperimentAggregates
{
    public static string Render(ExperimentResults results)
    {
        var views = results.Analysis.Aggregates;
        if (views is null)
        {
            return new HtmlBuilder().Element("p", "Not in this experiment.json (written before aggregate views existed).", "note").ToString();
        }

        var table = new HtmlTable("model", TableCell.Number("Elo"), TableCell.Number("95% interval"), TableCell.Number("normalized score"), TableCell.Number("win rate"));
        foreach (var m in Enumerable.Range(0, views.Models.Count).OrderByDescending(i => views.Elo[i].Elo))
        {
            var elo = views.Elo[m];
            var name = HtmlText.Escape(views.Models[m]) + (views.Models[m] == views.Reference ? "<span class=\"tag\">reference</span>" : "");
            table.Row(
                TableCell.Markup(name),
                TableCell.Number(elo.Elo.ToString("0", CultureInfo.InvariantCulture)),
                TableCell.Number(string.Create(CultureInfo.InvariantCulture, $"[{elo.Low:0}, {elo.High:0}]")),
                TableCell.Number(views.NormalizedScore[m].ToString("0.000", CultureInfo.InvariantCulture)),
                TableCell.Number(views.WinRate[m].ToString("0.000", CultureInfo.InvariantCulture)));
        }

        var html = new HtmlBuilder();
        table.AppendTo(html);
        html.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"As TabArena (Erickson et al. 2025) aggregates: every pair of models plays one battle per dataset (better mean {results.Metric} wins, equal means tie). Elo: Bradley-Terry maximum likelihood on those battles, 400 points = 10:1 odds of winning a dataset, {views.Reference} fixed at 1000; interval = 2.5-97.5 percentiles over {views.BootstrapRounds} bootstrap resamples of the datasets. Normalized score: per dataset (score - reference) / (best - reference), clipped to [0, 1], averaged. Win rate: share of battles won (ties count half)."),
            "note");
        return html.ToString();
    }
}
