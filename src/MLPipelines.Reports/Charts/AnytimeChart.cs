using ScottPlot;

namespace MLPipelines.Reports.Charts;

/// <summary>
/// Anytime curves of the tuned models: best inner score so far against seconds spent on the budget clock, one
/// step line per outer split in the model's color. A curve still climbing at the right edge had not reached its
/// plateau within the budget.
/// </summary>
public static class AnytimeChart
{
    /// <param name="metric">The inner score's metric (y axis).</param>
    /// <param name="curves">Per tuned model and outer split: its color and the (seconds, best score) points.</param>
    /// <param name="budgetSeconds">The time budget, drawn as a vertical line; null for a trial budget.</param>
    public static string Render(string metric, IReadOnlyList<(int ColorIndex, double[] Seconds, double[] Best)> curves, double? budgetSeconds)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var plot = SvgChart.NewPlot(null, "seconds spent (budget clock)", $"best inner {metric}");
        foreach (var (color, seconds, best) in curves.Where(c => c.Seconds.Length > 0))
        {
            var (x, y) = Steps(seconds, best);
            var line = plot.Add.ScatterLine(x, y, ModelColors.For(color).WithAlpha(0.85));
            line.LineWidth = 2;
        }

        if (budgetSeconds is { } budget)
        {
            var limit = plot.Add.VerticalLine(budget);
            limit.Color = Colors.Gray.WithAlpha(0.8);
            limit.LineWidth = 1.5f;
            limit.LinePattern = LinePattern.Dashed;
        }

        return SvgChart.Render(plot, $"Best inner {metric} against seconds spent, one line per model and outer split");
    }

    /// <summary>A step line: the best score holds until the next trial that improves it.</summary>
    private static (double[] X, double[] Y) Steps(double[] seconds, double[] best)
    {
        var x = new List<double> { seconds[0] };
        var y = new List<double> { best[0] };
        for (var i = 1; i < seconds.Length; i++)
        {
            x.Add(seconds[i]);
            y.Add(best[i - 1]);
            x.Add(seconds[i]);
            y.Add(best[i]);
        }

        return ([.. x], [.. y]);
    }
}
