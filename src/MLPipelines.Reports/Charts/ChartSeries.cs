namespace MLPipelines.Reports.Charts;

/// <summary>One model's line or points in a chart: its name (legend), color index and values.</summary>
/// <param name="Name">Legend text (escaped by the SVG writer).</param>
/// <param name="ColorIndex">Position of the model in the run (see <see cref="ModelColors"/>).</param>
/// <param name="X">x values.</param>
/// <param name="Y">y values, same length.</param>
public sealed record ChartSeries(string Name, int ColorIndex, double[] X, double[] Y);
