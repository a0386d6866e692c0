namespace MLPipelines.Results.Statistics.Distributions;

/// <summary>The chi-square distribution with k &gt; 0 degrees of freedom: P(X ≤ x) = P(k/2, x/2).</summary>
public static class ChiSquared
{
    /// <summary>P(X ≤ x), the regularized lower incomplete gamma P(k/2, x/2).</summary>
    public static double Cdf(double x, double degreesOfFreedom) =>
        SpecialFunctions.RegularizedGamma(Check(degreesOfFreedom) / 2, x / 2).Lower;

    /// <summary>P(X &gt; x) = Q(k/2, x/2), computed directly so small p-values keep their digits.</summary>
    public static double Survival(double x, double degreesOfFreedom) =>
        SpecialFunctions.RegularizedGamma(Check(degreesOfFreedom) / 2, x / 2).Upper;

    private static double Check(double degreesOfFreedom) => degreesOfFreedom > 0
        ? degreesOfFreedom
        : throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Chi-square needs degrees of freedom > 0.");
}
