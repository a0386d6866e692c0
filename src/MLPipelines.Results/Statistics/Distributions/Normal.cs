namespace MLPipelines.Results.Statistics.Distributions;

/// <summary>The standard normal distribution N(0, 1).</summary>
public static class Normal
{
    private static readonly double InverseSqrtTwoPi = 1 / Math.Sqrt(2 * Math.PI);

    // Acklam's rational approximation of the inverse normal CDF (relative error below 1.2e-9); the
    // Halley steps in Quantile then take it to full double precision.
    private static readonly double[] CentralNumerator =
        [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];

    private static readonly double[] CentralDenominator =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1];

    private static readonly double[] TailNumerator =
        [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];

    private static readonly double[] TailDenominator =
        [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1];

    /// <summary>Density φ(z) = exp(−z²/2) / √(2π).</summary>
    public static double Pdf(double z) => InverseSqrtTwoPi * Math.Exp(-0.5 * z * z);

    /// <summary>Φ(z) = P(Z ≤ z) = erfc(−z/√2) / 2.</summary>
    public static double Cdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>Upper tail 1 − Φ(z) = erfc(z/√2) / 2, computed without cancellation.</summary>
    public static double Survival(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>Inverse CDF: the z with Φ(z) = <paramref name="p"/>, for p in (0, 1).</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Normal.Quantile needs p in (0, 1).");
        }

        // Work in the lower half; 1 − p is exact for p ≥ 0.5 (Sterbenz), so the symmetry costs no precision.
        if (p > 0.5)
        {
            return -Quantile(1 - p);
        }

        double z = InitialGuess(p);
        for (int i = 0; i < 3; i++)
        {
            // Halley's method on Φ(z) − p; each step roughly triples the number of correct digits.
            double error = Cdf(z) - p;
            double u = error / Pdf(z);
            double step = u / (1 + (0.5 * z * u));
            z -= step;
            if (Math.Abs(step) <= 1e-16 * Math.Abs(z))
            {
                break;
            }
        }

        return z;
    }

    private static double InitialGuess(double p)
    {
        const double lowRegion = 0.02425;
        if (p < lowRegion)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return Polynomial(TailNumerator, q) / Polynomial(TailDenominator, q);
        }

        double c = p - 0.5;
        double r = c * c;
        return Polynomial(CentralNumerator, r) * c / Polynomial(CentralDenominator, r);
    }

    // Horner evaluation, coefficients from the highest power down.
    private static double Polynomial(double[] coefficients, double x)
    {
        double result = 0;
        foreach (double c in coefficients)
        {
            result = (result * x) + c;
        }

        return result;
    }
}
