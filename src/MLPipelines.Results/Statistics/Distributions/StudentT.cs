namespace MLPipelines.Results.Statistics.Distributions;

/// <summary>
/// Student's t distribution with ν &gt; 0 degrees of freedom (ν = +∞ is the standard normal).
/// Tails come from the regularized incomplete beta: P(|T| ≥ t) = I_{ν/(ν+t²)}(ν/2, 1/2).
/// </summary>
public static class StudentT
{
    /// <summary>Density Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^−(ν+1)/2.</summary>
    public static double Pdf(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (double.IsPositiveInfinity(degreesOfFreedom))
        {
            return Normal.Pdf(t);
        }

        double nu = degreesOfFreedom;
        double logDensity = SpecialFunctions.LogGamma((nu + 1) / 2) - SpecialFunctions.LogGamma(nu / 2)
            - (0.5 * Math.Log(nu * Math.PI)) - ((nu + 1) / 2 * SpecialFunctions.Log1P(t * t / nu));
        return Math.Exp(logDensity);
    }

    /// <summary>P(T ≤ t).</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        double tail = UpperTail(Math.Abs(t), degreesOfFreedom);
        return t < 0 ? tail : 1 - tail;
    }

    /// <summary>P(T &gt; t) = 1 − Cdf, computed without cancellation for large t.</summary>
    public static double Survival(double t, double degreesOfFreedom)
    {
        double tail = UpperTail(Math.Abs(t), degreesOfFreedom);
        return t < 0 ? 1 - tail : tail;
    }

    /// <summary>Two-sided p-value P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2).</summary>
    public static double TwoSidedPValue(double t, double degreesOfFreedom) =>
        Math.Min(1, 2 * UpperTail(Math.Abs(t), degreesOfFreedom));

    /// <summary>Inverse CDF: the t with P(T ≤ t) = <paramref name="p"/>, for p in (0, 1).</summary>
    /// <remarks>
    /// Solved by Newton's method on ln P(T &gt; t) against ln t, where the tail is nearly linear
    /// (it falls like t^−ν), inside a bisection bracket that guarantees convergence.
    /// </remarks>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "StudentT.Quantile needs p in (0, 1).");
        }

        if (double.IsPositiveInfinity(degreesOfFreedom))
        {
            return Normal.Quantile(p);
        }

        if (p == 0.5)
        {
            return 0;
        }

        // Solve for the upper-tail probability q ≤ 1/2 and restore the sign; 1 − p is exact for p ≥ 1/2.
        double q = p < 0.5 ? p : 1 - p;
        double t = UpperQuantile(q, degreesOfFreedom);
        return p < 0.5 ? -t : t;
    }

    private static double UpperQuantile(double q, double nu)
    {
        double low = 0;
        double high = Math.Max(1, 2 * -Normal.Quantile(q));
        while (UpperTail(high, nu) > q)
        {
            low = high;
            high *= 2;
            if (double.IsInfinity(high))
            {
                return double.PositiveInfinity;
            }
        }

        double logQ = Math.Log(q);
        double t = Math.Clamp(-Normal.Quantile(q), low, high);
        t = t > low && t < high ? t : 0.5 * (low + high);
        for (int i = 0; i < 200; i++)
        {
            double tail = UpperTail(t, nu);
            if (tail > q)
            {
                low = t;
            }
            else
            {
                high = t;
            }

            // d ln S / d ln t = −t f(t) / S(t).
            double slope = -t * Pdf(t, nu) / tail;
            double next = t * Math.Exp(-(Math.Log(tail) - logQ) / slope);
            if (!(next > low && next < high) || double.IsNaN(next))
            {
                next = 0.5 * (low + high);
            }

            if (Math.Abs(next - t) <= 1e-15 * t || high - low <= 1e-15 * high)
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    // P(T > t) for t ≥ 0.
    private static double UpperTail(double t, double nu)
    {
        CheckDegreesOfFreedom(nu);
        if (double.IsPositiveInfinity(nu))
        {
            return Normal.Survival(t);
        }

        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        double t2 = t * t;
        if (double.IsPositiveInfinity(t2))
        {
            return 0;
        }

        double x = nu / (nu + t2);
        double y = t2 / (nu + t2);
        return 0.5 * SpecialFunctions.RegularizedBeta(nu / 2, 0.5, x, y).Lower;
    }

    private static void CheckDegreesOfFreedom(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Student t needs degrees of freedom > 0.");
        }
    }
}
