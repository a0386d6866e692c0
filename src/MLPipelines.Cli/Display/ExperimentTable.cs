using System.Globalization;
using MLPipelines.Results.Experiments;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MLPipelines.Cli.Display;

/// <summary>The end-of-experiment table: mean metric per dataset and model with v / * marks, average ranks, and the Friedman verdict.</summary>
internal static class ExperimentTable
{
    public static IRenderable Create(ExperimentResults results)
    {
        var a = results.Analysis;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(results.Name)}[/]: mean {Markup.Escape(results.Metric)}, v / * = significantly better / worse than {Markup.Escape(a.Baseline)}")
            .AddColumn("dataset");
        foreach (var model in a.Models)
        {
            table.AddColumn(new TableColumn(Markup.Escape(model)).RightAligned());
        }

        for (var d = 0; d < a.Datasets.Count; d++)
        {
            table.AddRow([Markup.Escape(a.Datasets[d]), .. a.Models.Select((_, m) => Cell(a.Means[d][m], a.Marks[d][m]))]);
        }

        var best = a.Friedman.AverageRanks.Min();
        table.AddRow(["[bold]average rank[/]", .. a.Friedman.AverageRanks.Select(r => r == best ? $"[bold green]{F(r, "F2")}[/]" : F(r, "F2"))]);
        var friedman = a.Friedman;
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"Friedman χ² {friedman.ChiSquare:F2} (p {friedman.ChiSquarePValue:G3}), Iman–Davenport p {friedman.ImanDavenportPValue:G3}{(friedman.Significant ? " (significant)" : "")}; Nemenyi CD {a.Nemenyi.CriticalDifference:F2}"));
        return table;
    }

    private static string Cell(double mean, string mark) => mark switch
    {
        "v" => $"[green]{F(mean, "F4")} v[/]",
        "*" => $"[red]{F(mean, "F4")} *[/]",
        _ => F(mean, "F4"),
    };

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
