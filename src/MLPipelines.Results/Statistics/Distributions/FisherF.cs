namespace MLPipelines.Results.Statistics.Distributions;

/// <summary>
/// Fisher's F distribution with d1, d2 &gt; 0 degrees of freedom:
/// P(F ≤ x) = I_{d1 x / (d1 x + d2)}(d1/2, d2/2).
/// </summary>
public static class FisherF
{
    /// <summary>P(F ≤ x).</summary>
    public static double Cdf(double x, double numeratorDegreesOfFreedom, double denominatorDegreesOfFreedom) =>
        Tails(x, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom).Lower;

    /// <summary>P(F &gt; x), computed directly so small p-values keep their digits.</summary>
    public static double Survival(double x, double numeratorDegreesOfFreedom, double denominatorDegreesOfFreedom) =>
        Tails(x, numeratorDegreesOfFreedom, denominatorDegreesOfFreedom).Upper;

    private static (double Lower, double Upper) Tails(double x, double d1, double d2)
    {
        if (!(d1 > 0) || !(d2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(d1), $"F needs degrees of freedom > 0, got d1={d1}, d2={d2}.");
        }

        if (double.IsNaN(x))
        {
            return (double.NaN, double.NaN);
        }

        if (x <= 0)
        {
            return (0, 1);
        }

        if (double.IsPositiveInfinity(x))
        {
            return (1, 0);
        }

        double denominator = (d1 * x) + d2;
        return SpecialFunctions.RegularizedBeta(d1 / 2, d2 / 2, d1 * x / denominator, d2 / denominator);
    }
}
