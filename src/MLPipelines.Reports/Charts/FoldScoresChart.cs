namespace MLPipelines.Reports.Charts;

/// <summary>
/// The primary metric on every split, one line per model over the splits: lines that cross show where the
/// ranking depends on the split, parallel lines a consistent difference (what the paired test rewards).
/// </summary>
public static class FoldScoresChart
{
    public static string Render(IReadOnlyList<ChartSeries> models, IReadOnlyList<string> splitNames, string metric)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(splitNames);
        var plot = SvgChart.NewPlot(null, "split", metric);
        foreach (var model in models)
        {
            var line = plot.Add.Scatter(model.X, model.Y, ModelColors.For(model.ColorIndex));
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }

        var step = Math.Max(1, (int)Math.Ceiling(splitNames.Count / 10.0));
        var ticks = Enumerable.Range(0, splitNames.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => SvgChart.Label(splitNames[i], 12))]);
        plot.Axes.Margins(0.05, 0.15);
        return SvgChart.Render(plot, $"{metric} on each split, one line per model");
    }
}
