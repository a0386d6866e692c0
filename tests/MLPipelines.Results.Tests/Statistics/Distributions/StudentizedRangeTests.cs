using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Tests.Statistics.Distributions;

// Reference values: scipy.stats.studentized_range(k, df=inf) and mpmath quadrature of the defining integral.
public sealed class StudentizedRangeTests
{
    [Theory]
    [InlineData(4, 3.6331595749026278)] // = 2.569031772546482 · √2, Demšar's q_0.05 for k = 4
    [InlineData(20, 5.0116887941184425)]
    [InlineData(50, 5.646026026380527)]
    public void StudentizedRange_Quantile_MatchesScipy(int k, double expected)
    {
        Close.Relative(expected, StudentizedRange.Quantile(0.95, k), 1e-12);
    }

    [Fact]
    public void StudentizedRange_TwoMeans_IsRangeOfTwoNormals()
    {
        // For k = 2 the range |Z1 − Z2| is √2 |Z|, so P(R > q) = 2 (1 − Φ(q/√2)).
        foreach (double q in new[] { 0.5, 1, 2.77, 8 })
        {
            Close.Relative(2 * Normal.Survival(q / Math.Sqrt(2)), StudentizedRange.Survival(q, 2), 1e-11);
        }
    }

    [Theory]
    [InlineData(3.63, 4, 0.050297285140461549)]
    [InlineData(5.0, 20, 0.051364663579133573)]
    [InlineData(8.0, 50, 1.8281661337041617e-5)]
    public void StudentizedRange_Survival_MatchesMpmath(double q, int k, double expected)
    {
        Close.Relative(expected, StudentizedRange.Survival(q, k), 1e-10);
        Assert.Equal(1, StudentizedRange.Cdf(q, k) + StudentizedRange.Survival(q, k), 12);
    }

    [Fact]
    public void StudentizedRange_RejectsFewerThanTwoMeans()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentizedRange.Quantile(0.95, 1));
    }
}
