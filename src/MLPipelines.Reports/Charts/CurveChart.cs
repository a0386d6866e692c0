using ScottPlot;

namespace MLPipelines.Reports.Charts;

/// <summary>
/// Curves of several models on a [0, 1] × [0, 1] plane with an optional reference line: ROC (chance diagonal),
/// precision-recall (the positive rate as the floor of a random ranking) and reliability diagrams (the diagonal of
/// perfect calibration).
/// </summary>
public static class CurveChart
{
    /// <param name="curves">One curve per model.</param>
    /// <param name="xLabel">x axis label.</param>
    /// <param name="yLabel">y axis label.</param>
    /// <param name="reference">Reference segment (x1, y1, x2, y2) drawn in grey, or null.</param>
    /// <param name="markers">Draw a marker at every point (reliability bins) instead of a plain line.</param>
    /// <param name="description">Accessible description.</param>
    public static string Render(
        IReadOnlyList<ChartSeries> curves, string xLabel, string yLabel, (double X1, double Y1, double X2, double Y2)? reference, bool markers, string description)
    {
        ArgumentNullException.ThrowIfNull(curves);
        var plot = SvgChart.NewPlot(null, xLabel, yLabel);
        if (reference is { } r)
        {
            var line = plot.Add.Line(r.X1, r.Y1, r.X2, r.Y2);
            line.Color = Colors.Gray.WithAlpha(0.8);
            line.LineWidth = 1.5f;
        }

        foreach (var curve in curves)
        {
            var scatter = plot.Add.Scatter(curve.X, curve.Y, ModelColors.For(curve.ColorIndex));
            scatter.LineWidth = 2;
            scatter.MarkerSize = markers ? 7 : 0;
        }

        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        return SvgChart.Render(plot, description);
    }
}
