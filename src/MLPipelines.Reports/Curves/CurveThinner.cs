namespace MLPipelines.Reports.Curves;

/// <summary>
/// Drops points of a long curve that would fall on the same pixel, so an inline SVG stays small: a point is kept
/// when it moved at least <c>step</c> (in axis units, max of |dx| and |dy|) from the last kept point; the first and
/// last points are always kept.
/// </summary>
public static class CurveThinner
{
    public static (double[] X, double[] Y) Thin(double[] x, double[] y, double step = 0.002)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length <= 2)
        {
            return (x, y);
        }

        var keptX = new List<double> { x[0] };
        var keptY = new List<double> { y[0] };
        for (var i = 1; i < x.Length - 1; i++)
        {
            if (Math.Max(Math.Abs(x[i] - keptX[^1]), Math.Abs(y[i] - keptY[^1])) >= step)
            {
                keptX.Add(x[i]);
                keptY.Add(y[i]);
            }
        }

        keptX.Add(x[^1]);
        keptY.Add(y[^1]);
        return ([.. keptX], [.. keptY]);
    }
}
