using System.Globalization;
using MLPipelines.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MLPipelines.Cli.Display;

/// <summary>The end-of-run table: models ranked by the primary metric (mean ± std over folds), other metrics, timings.</summary>
internal static class Leaderboard
{
    public static IRenderable Create(RunResults results)
    {
        var primary = results.PrimaryMetric;
        var higher = TaskMetrics.HigherIsBetter(primary);
        var ranked = results.Models
            .OrderBy(m => m.Metrics.TryGetValue(primary, out var s) ? (higher ? -s.Mean : s.Mean) : double.MaxValue)
            .ToList();
        var others = results.Models.Count == 0 ? [] : results.Models[0].Metrics.Keys.Where(k => k != primary).ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(results.Name)}[/]: {results.Task}, {results.Dataset.Rows} rows, " +
                   $"{results.Evaluation.Method} {(results.Evaluation.Method == "kfold" ? $"{results.Evaluation.Folds}x{results.Evaluation.Repeats}" : "")}")
            .AddColumn("#").AddColumn("model").AddColumn("trainer").AddColumn(new TableColumn($"[bold]{primary}[/]").RightAligned());
        foreach (var metric in others)
        {
            table.AddColumn(new TableColumn(metric).RightAligned());
        }

        table.AddColumn(new TableColumn("fit s").RightAligned()).AddColumn(new TableColumn("rows/s").RightAligned());
        for (var i = 0; i < ranked.Count; i++)
        {
            var model = ranked[i];
            var cells = new List<string>
            {
                (i + 1).ToString(CultureInfo.InvariantCulture),
                i == 0 ? $"[bold green]{Markup.Escape(model.Name)}[/]" : Markup.Escape(model.Name),
                Markup.Escape(model.Trainer),
                model.Metrics.TryGetValue(primary, out var p) ? $"{Format(p.Mean)} ± {Format(p.Std)}" : "-",
            };
            cells.AddRange(others.Select(m => model.Metrics.TryGetValue(m, out var s) ? Format(s.Mean) : "-"));
            cells.Add(model.FitSeconds.Mean.ToString("F2", CultureInfo.InvariantCulture));
            cells.Add(model.PredictRowsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F4", CultureInfo.InvariantCulture);
}
