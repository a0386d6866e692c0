using ScottPlot;

namespace MLPipelines.Reports.Charts;

/// <summary>
/// One model's points (semi-transparent, so dense regions read darker) with a reference line: y = x for
/// predicted against actual, y = 0 for residuals. Given axis limits, every model's chart uses the same ones (so
/// the charts compare at a glance) and points beyond them are drawn on the edge instead of stretching the axes.
/// </summary>
public static class ScatterChart
{
    /// <param name="title">Chart title (the model).</param>
    /// <param name="colorIndex">Model color.</param>
    /// <param name="x">x values.</param>
    /// <param name="y">y values.</param>
    /// <param name="xLabel">x axis label.</param>
    /// <param name="yLabel">y axis label.</param>
    /// <param name="identity">True: draw y = x over the data range; false: draw y = 0.</param>
    /// <param name="description">Accessible description.</param>
    /// <param name="limits">Shared axis limits, or null to fit the data.</param>
    public static string Render(string title, int colorIndex, double[] x, double[] y, string xLabel, string yLabel, bool identity, string description,
        ScatterLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var plot = SvgChart.NewPlot(title, xLabel, yLabel);
        var finite = Enumerable.Range(0, x.Length).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
        double[] xs = [.. finite.Select(i => x[i])], ys = [.. finite.Select(i => y[i])];
        if (limits is { } l)
        {
            xs = [.. xs.Select(v => Math.Clamp(v, l.XLow, l.XHigh))];
            ys = [.. ys.Select(v => Math.Clamp(v, l.YLow, l.YHigh))];
        }

        if (xs.Length > 0)
        {
            double low = limits?.XLow ?? (identity ? Math.Min(xs.Min(), ys.Min()) : xs.Min());
            double high = limits?.XHigh ?? (identity ? Math.Max(xs.Max(), ys.Max()) : xs.Max());
            var line = identity ? plot.Add.Line(low, low, high, high) : plot.Add.Line(low, 0, high, 0);
            line.Color = Colors.Gray.WithAlpha(0.9);
            line.LineWidth = 1.5f;
        }

        var points = plot.Add.ScatterPoints(xs, ys, ModelColors.For(colorIndex).WithAlpha(0.45));
        points.MarkerSize = 4;
        if (limits is { } axes)
        {
            plot.Axes.SetLimits(axes.XLow, axes.XHigh, axes.YLow, axes.YHigh);
        }

        return SvgChart.Render(plot, description);
    }
}
