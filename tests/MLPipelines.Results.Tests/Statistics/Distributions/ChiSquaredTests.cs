using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Tests.Statistics.Distributions;

public sealed class ChiSquaredTests
{
    [Theory]
    [InlineData(69.0 / 7, 3, 0.019820334037904818)] // Demšar's Table 6 Friedman statistic (ties averaged)
    [InlineData(100, 5, 5.2851483609432401e-20)]
    [InlineData(0.5, 1, 0.47950012218695346)]
    public void ChiSquared_Survival_MatchesMpmath(double x, double df, double expected)
    {
        Close.Relative(expected, ChiSquared.Survival(x, df), 1e-12);
    }

    [Fact]
    public void ChiSquared_TwoDegreesOfFreedom_IsExponential()
    {
        // χ²₂ is exponential with mean 2: P(X > x) = e^{−x/2}.
        Close.Relative(Math.Exp(-3.5), ChiSquared.Survival(7, 2), 1e-14);
        Close.Relative(1 - Math.Exp(-0.05), ChiSquared.Cdf(0.1, 2), 1e-13);
    }

    [Fact]
    public void ChiSquared_Survival_IsOneAtZero()
    {
        Assert.Equal(1, ChiSquared.Survival(0, 3));
        Assert.Equal(0, ChiSquared.Cdf(0, 3));
    }
}
