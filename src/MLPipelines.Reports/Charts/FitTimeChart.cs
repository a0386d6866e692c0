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
        var logs = new List<double>();
        foreach (var model in models)
        {
            var x = model.X.Select(s => Math.Log10(Math.Max(s, 1e-4))).ToArray();
            logs.AddRange(x);
            var points = plot.Add.ScatterPoints(x, model.Y, ModelColors.For(model.ColorIndex));
            points.MarkerSize = 11;
            for (var i = 0; i < x.Length; i++)
            {
                var label = plot.Add.Text(SvgChart.Label(model.Name, 24), x[i], model.Y[i]);
                label.LabelFontColor = ModelColors.For(model.ColorIndex);
                label.LabelFontSize = 13;
                label.LabelAlignment = Alignment.MiddleLeft;
                label.LabelOffsetX = 9;
            }
        }

        if (logs.Count > 0)
        {
            double low = Math.Floor(logs.Min() - 0.3), high = Math.Ceiling(logs.Max() + 0.3);
            var (positions, labels) = LogTicks(low, high);
            plot.Axes.Bottom.TickGenerator = new NumericManual(positions, labels);
            plot.Axes.SetLimitsX(logs.Min() - 0.3, logs.Max() + 0.3 + (0.12 * (logs.Max() - logs.Min() + 0.6)));
        }

        plot.Axes.Margins(bottom: 0.1, top: 0.1);
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
