namespace MLPipelines.Results.Statistics.Distributions;

/// <summary>
/// The studentized range distribution with infinite degrees of freedom: the range of k independent
/// standard normal variables. Its upper quantile divided by √2 is the q_α of the Nemenyi test
/// (Demšar 2006, Table 5).
/// </summary>
/// <remarks>
/// P(R ≤ q) = k ∫ φ(z) [Φ(z) − Φ(z − q)]^{k−1} dz. The upper tail uses
/// P(R &gt; q) = k ∫ φ(z) (Φ(z)^{k−1} − [Φ(z) − Φ(z − q)]^{k−1}) dz, which follows from
/// k ∫ φ Φ^{k−1} dz = 1; the difference of powers is summed as a telescoped product, so small p-values
/// keep their relative precision. Both integrals use composite 16-point Gauss–Legendre on [−9, 9]
/// (φ(9) &lt; 1e-17), extended to the right for the far tail; against mpmath quadrature the relative error
/// is about 1e-14 (scipy.stats.studentized_range(k, df=inf) itself is good to about 1e-9).
/// </remarks>
public static class StudentizedRange
{
    private const double Bound = 9;
    private static readonly Lazy<Grid> SharedGrid = new(() => BuildGrid(-Bound, Bound));

    /// <summary>P(R ≤ q) for k ≥ 2 means.</summary>
    public static double Cdf(double q, int means)
    {
        CheckMeans(means);
        if (q <= 0)
        {
            return 0;
        }

        var grid = SharedGrid.Value;
        double sum = 0;
        for (int i = 0; i < grid.Points.Length; i++)
        {
            double width = Difference(grid, i, q);
            sum += grid.Weights[i] * grid.Density[i] * Math.Pow(width, means - 1);
        }

        return Math.Clamp(means * sum, 0, 1);
    }

    /// <summary>P(R &gt; q), computed directly (see remarks) so small tails are precise.</summary>
    public static double Survival(double q, int means)
    {
        CheckMeans(means);
        if (q <= 0)
        {
            return 1;
        }

        // The integrand's mass moves right as q grows (for k = 2 it centres on z = q/2), so the upper limit
        // goes to √(q²/2 + 80), where φ is below e^−40 of the smallest possible tail 2(1 − Φ(q/√2)).
        double upper = Math.Sqrt((q * q / 2) + 80);
        double sum = SurvivalSum(SharedGrid.Value, q, means - 1);
        if (upper > Bound)
        {
            sum += SurvivalSum(BuildGrid(Bound, upper), q, means - 1);
        }

        return Math.Clamp(means * sum, 0, 1);
    }

    /// <summary>The q with P(R ≤ q) = <paramref name="p"/>, for p in (0, 1), found by bisection.</summary>
    public static double Quantile(double p, int means)
    {
        CheckMeans(means);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "StudentizedRange.Quantile needs p in (0, 1).");
        }

        // Bisect on whichever tail is the smaller number, where it carries full relative precision.
        bool useUpper = p > 0.5;
        double target = useUpper ? 1 - p : p;
        double low = 0;
        double high = 1;
        while ((Tail(high) > target) == useUpper)
        {
            low = high;
            high *= 2;
        }

        for (int i = 0; i < 200 && high - low > 1e-14 * high; i++)
        {
            double mid = 0.5 * (low + high);
            if ((Tail(mid) > target) == useUpper)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);

        double Tail(double q) => useUpper ? Survival(q, means) : Cdf(q, means);
    }

    private static double SurvivalSum(Grid grid, double q, int power)
    {
        double sum = 0;
        for (int i = 0; i < grid.Points.Length; i++)
        {
            double a = grid.Cdf[i];
            double b = Difference(grid, i, q);

            // a^n − b^n = (a − b) Σ_{j<n} a^j b^{n−1−j}, with a − b = Φ(z − q) taken directly, not subtracted.
            double series = 0;
            double aPower = 1;
            for (int j = 0; j < power; j++)
            {
                series = (series * b) + aPower;
                aPower *= a;
            }

            sum += grid.Weights[i] * grid.Density[i] * Normal.Cdf(grid.Points[i] - q) * series;
        }

        return sum;
    }

    // Φ(z) − Φ(z − q), from the upper tails when both points sit right of zero (no cancellation there).
    private static double Difference(Grid grid, int i, double q)
    {
        double shifted = grid.Points[i] - q;
        return shifted >= 0
            ? Normal.Survival(shifted) - grid.Survival[i]
            : grid.Cdf[i] - Normal.Cdf(shifted);
    }

    private static void CheckMeans(int means)
    {
        if (means < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(means), means, "The studentized range needs at least 2 means.");
        }
    }

    // 16-point Gauss–Legendre on panels of width ≤ 0.5: the integrands are smooth on that scale.
    private static Grid BuildGrid(double lower, double upper)
    {
        var (points, weights) = new GaussLegendre(16).Grid(lower, upper, (int)Math.Ceiling((upper - lower) / 0.5));
        var density = new double[points.Length];
        var cdf = new double[points.Length];
        var survival = new double[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            density[i] = Normal.Pdf(points[i]);
            cdf[i] = Normal.Cdf(points[i]);
            survival[i] = Normal.Survival(points[i]);
        }

        return new Grid(points, weights, density, cdf, survival);
    }

    private sealed record Grid(double[] Points, double[] Weights, double[] Density, double[] Cdf, double[] Survival);
}
