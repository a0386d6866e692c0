namespace MLPipelines.Reports.Charts;

/// <summary>Axis limits shared by the scatter charts of several models; points outside are drawn on the edge.</summary>
/// <param name="XLow">Left end of the x axis.</param>
/// <param name="XHigh">Right end of the x axis.</param>
/// <param name="YLow">Bottom of the y axis.</param>
/// <param name="YHigh">Top of the y axis.</param>
public readonly record struct ScatterLimits(double XLow, double XHigh, double YLow, double YHigh)
{
    /// <summary>Whether (<paramref name="x"/>, <paramref name="y"/>) lies outside the limits (and is drawn on the edge).</summary>
    public bool Outside(double x, double y) => x < XLow || x > XHigh || y < YLow || y > YHigh;
}
