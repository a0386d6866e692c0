using System.Globalization;
using MLPipelines.Reports.Formatting;
using MLPipelines.Reports.Html;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Experiments;

/// <summary>The Friedman and Nemenyi figures, and every per-dataset t-test against the baseline.</summary>
internal static class ExperimentTests
{
    public static string Render(ExperimentResult analysis)
    {
        var f = analysis.Friedman;
        var n = analysis.Nemenyi;
        var html = new HtmlBuilder();
        var table = new HtmlTable("test", TableCell.Number("statistic"), TableCell.Number("df"), TableCell.Number("p"));
        table.Row("Friedman χ²", TableCell.Number(F(f.ChiSquare)), TableCell.Number(f.ChiSquareDegreesOfFreedom.ToString(CultureInfo.InvariantCulture)), TableCell.Number(Numbers.PValue(f.ChiSquarePValue)));
        table.Row("Friedman χ², tie-corrected", TableCell.Number(F(f.ChiSquareTieCorrected)), TableCell.Number(f.ChiSquareDegreesOfFreedom.ToString(CultureInfo.InvariantCulture)), TableCell.Number(Numbers.PValue(f.ChiSquareTieCorrectedPValue)));
        table.Row(
            "Iman–Davenport F",
            TableCell.Number(f.ImanDavenportF is { } value ? F(value) : "∞"),
            TableCell.Number(string.Create(CultureInfo.InvariantCulture, $"{f.FNumeratorDegreesOfFreedom}, {f.FDenominatorDegreesOfFreedom}")),
            TableCell.Number(Numbers.PValue(f.ImanDavenportPValue)));
        table.AppendTo(html);
        html.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"{(f.Significant ? "The models differ" : "No significant difference")} at α = {f.Alpha} (decided on the Iman–Davenport F, as Demšar recommends). Nemenyi: q_α = {n.QAlpha:F3}, k = {n.Models.Count} models, N = {n.DatasetCount} datasets, critical difference CD = q_α·√(k(k+1)/(6N)) = {n.CriticalDifference:F3}."), "note");
        var pairs = new HtmlTable("A", "B", TableCell.Number("|rank A − rank B|"), TableCell.Number("p"), "different?") { Caption = "Nemenyi post-hoc test, every pair" };
        foreach (var pair in n.Pairs.OrderByDescending(p => p.RankDifference))
        {
            pairs.Row(pair.A, pair.B, TableCell.Number(F(pair.RankDifference)), TableCell.Number(Numbers.PValue(pair.PValue)),
                pair.Significant ? TableCell.Markup("<strong>yes</strong>") : TableCell.Text("no"));
        }

        pairs.AppendTo(html);
        if (n.Groups.Count > 0)
        {
            html.Element("p", "Groups with no significant difference inside: " + string.Join("; ", n.Groups.Select(g => "{" + string.Join(", ", g.Models) + "}")) + ".", "note");
        }

        return html.ToString();
    }

    public static string RenderPerDataset(ExperimentResult analysis)
    {
        var html = new HtmlBuilder();
        html.Element("p", $"Each model against the baseline {analysis.Baseline} on each dataset's shared splits: corrected resampled t-test (Nadeau and Bengio 2003); difference = model − baseline; W/T/L = splits won / tied / lost.", "note");
        foreach (var dataset in analysis.Datasets)
        {
            if (!analysis.Comparisons.TryGetValue(dataset, out var tests) || tests.Count == 0)
            {
                continue;
            }

            var table = new HtmlTable("model", TableCell.Number("mean"), TableCell.Number("baseline"), TableCell.Number("difference"), TableCell.Number("t"), TableCell.Number("p"), "result", TableCell.Number("W/T/L"));
            foreach (var c in tests)
            {
                table.Row(
                    c.A,
                    TableCell.Number(Numbers.Metric(c.MeanA)),
                    TableCell.Number(Numbers.Metric(c.MeanB)),
                    TableCell.Number((c.MeanDiff > 0 ? "+" : "") + Numbers.Metric(c.MeanDiff)),
                    TableCell.Number(c.T is { } t ? F(t) : "n/a"),
                    TableCell.Number(Numbers.PValue(c.PValue)),
                    c.PValue is null ? TableCell.Text("no test (one split)") : c.Better is { } better ? TableCell.Text($"{better} better") : TableCell.Text("not significant"),
                    TableCell.Number(string.Create(CultureInfo.InvariantCulture, $"{c.FoldWins}/{c.FoldTies}/{c.FoldLosses}")));
            }

            html.OpenDetails(dataset);
            table.AppendTo(html);
            html.Close("details");
        }

        return html.ToString();
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
