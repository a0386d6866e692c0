using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Tests.Statistics.Distributions;

public sealed class NormalTests
{
    [Fact]
    public void Normal_Cdf_MatchesMpmathIncludingFarTail()
    {
        Close.Relative(7.619853024160526e-24, Normal.Cdf(-10), 1e-13);
        Close.Relative(0.9772498680518208, Normal.Cdf(2), 1e-15);
        Assert.Equal(0.5, Normal.Cdf(0), 15);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(1e-300, -37.047096299361200)]
    [InlineData(0.5, 0)]
    public void Normal_Quantile_MatchesReference(double p, double expected)
    {
        Assert.Equal(expected, Normal.Quantile(p), 13);
    }

    [Fact]
    public void Normal_Quantile_InvertsCdf()
    {
        // Cdf(z) for large positive z is 1 − tiny and has lost the tail's digits, so the upper side inverts the
        // survival function instead, by symmetry.
        foreach (double z in new[] { -8.0, -3, -0.4, 0.1, 2.5 })
        {
            Assert.Equal(z, Normal.Quantile(Normal.Cdf(z)), 12);
        }

        Assert.Equal(7, -Normal.Quantile(Normal.Survival(7)), 12);
    }
}
