using ScottPlot;

namespace MLPipelines.Reports.Charts;

/// <summary>
/// Permutation importance of one model as horizontal bars, most important on top, with ± one standard deviation
/// over splits and permutations as error bars.
/// </summary>
public static class FeatureImportanceChart
{
    /// <param name="model">Model name (title).</param>
    /// <param name="colorIndex">Model color.</param>
    /// <param name="features">(name, importance, std), most important first.</param>
    /// <param name="metric">The metric whose loss is the importance.</param>
    public static string Render(string model, int colorIndex, IReadOnlyList<(string Name, double Importance, double Std)> features, string metric)
    {
        ArgumentNullException.ThrowIfNull(features);
        var plot = SvgChart.NewPlot(SvgChart.Label(model, 60), $"loss of {metric} when shuffled", null);
        var color = ModelColors.For(colorIndex);
        var n = features.Count;
        var bars = features.Select((f, i) => new Bar
        {
            Position = n - 1 - i,
            Value = double.IsFinite(f.Importance) ? f.Importance : 0,
            Error = double.IsFinite(f.Std) ? f.Std : 0,
            FillColor = color,
            LineWidth = 1.2f,
            LineColor = Colors.Black.WithAlpha(0.55),
            ErrorSize = 0.3,
            Size = 0.7,
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], [.. features.Select(f => SvgChart.Label(f.Name, 28))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0.02, right: 0.08, bottom: 0.02, top: 0.02);
        var height = Math.Max(220, 60 + (22 * n));
        return SvgChart.Render(plot, SvgChart.Width, height, $"permutation importance of {model}, top {n} features");
    }
}
