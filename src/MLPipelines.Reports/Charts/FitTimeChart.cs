using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace MLPipelines.Reports.Charts;

/// <summary>
/// Each model's mean score against its mean fit time per split on a log time axis (ticks at 1, 2, 5 × 10^k s):
/// the models worth having lie on the upper-left frontier (or lower-left for error metrics).
/// </summary>
public static class FitTimeChart
{
    /// <param name="models">One point per model: X = fit seconds (&gt; 0), Y = mean score.</param>
    /// <param name="metric">The y metric.</param>
    public static string Render(IReadOnlyList<ChartSeries> models, string metric)
    {
        ArgumentNullException.ThrowIfNull(models);
        var plot = SvgChart.NewPlot(null, "fit time per split (seconds, log scale)", metric);
        var points = models.SelectMany(m => m.X.Select((s, i) => (Model: m, X: Math.Log10(Math.Max(s, 1e-4)), Y: m.Y[i]))).ToList();
        if (points.Count == 0)
        {
            return SvgChart.Render(plot, "no fit times");
        }

        double left = points.Min(p => p.X) - 0.3, right = points.Max(p => p.X) + 0.3;
        double bottom = points.Min(p => p.Y), top = points.Max(p => p.Y);
        var pad = top > bottom ? 0.12 * (top - bottom) : Math.Max(1e-3, 0.01 * Math.Abs(top));
        foreach (var (model, x, y) in points)
        {
            var color = ModelColors.For(model.ColorIndex);
            var marker = plot.Add.ScatterPoints(new[] { x }, new[] { y }, color);
            marker.MarkerSize = 11;
            var label = plot.Add.Text(SvgChart.Label(model.Name, 24), x, y);
            label.LabelFontColor = color;
            label.LabelFontSize = 13;

            // Names of points in the right part go to their left, so they stay inside the plot.
            var onRight = x > left + (0.6 * (right - left));
            label.LabelAlignment = onRight ? Alignment.MiddleRight : Alignment.MiddleLeft;
            label.LabelOffsetX = onRight ? -9 : 9;
        }

        var (positions, labels) = LogTicks(Math.Floor(left), Math.Ceiling(right));
        plot.Axes.Bottom.TickGenerator = new NumericManual(positions, labels);
        plot.Axes.SetLimits(left, right, bottom - pad, top + pad);
        return SvgChart.Render(plot, $"mean {metric} against mean fit time, one point per model");
    }

    /// <summary>Ticks at 1, 2 and 5 × 10^k between the decades <paramref name="low"/> and <paramref name="high"/> (log10 units).</summary>
    internal static (double[] Positions, string[] Labels) LogTicks(double low, double high)
    {
        var positions = new List<double>();
        var labels = new List<string>();
        var multipliers = high - low > 3 ? new[] { 1.0 } : [1.0, 2.0, 5.0];
        for (var decade = (int)low; decade <= (int)high; decade++)
        {
            foreach (var m in multipliers)
            {
                var value = m * Math.Pow(10, decade);
                positions.Add(Math.Log10(value));
                labels.Add(value.ToString(value >= 1 ? "0.##" : "0.####", CultureInfo.InvariantCulture) + " s");
            }
        }

        return ([.. positions], [.. labels]);
    }
}
