using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Tests.Statistics.Distributions;

// Reference values: mpmath at 30 digits (regularized incomplete beta), unless a closed form is given.
public sealed class StudentTTests
{
    [Fact]
    public void StudentT_TwoSidedPValue_MatchesClosedFormForFourDegreesOfFreedom()
    {
        // Given t² = 160/9 and ν = 4, x = ν/(ν+t²) = 9/49 and p = I_x(2, 1/2) = 1 − √(1−x)(1 + x/2) = 1 − 107√40/686.
        double t = 4 * Math.Sqrt(10) / 3;
        double expected = 1 - (107 * Math.Sqrt(40) / 686);

        Close.Relative(expected, StudentT.TwoSidedPValue(t, 4), 1e-13);
        Close.Relative(0.013516881521817526, StudentT.TwoSidedPValue(-t, 4), 1e-13);
    }

    [Theory]
    [InlineData(2.5, 4, 0.066766544811988145)]
    [InlineData(1.5, 1000, 0.13393003882208617)]
    [InlineData(40, 9, 1.898299844933982647e-11)]
    [InlineData(0.1, 9, 0.92253644795668120)]
    [InlineData(3, 1, 0.20483276469913345)]
    public void StudentT_TwoSidedPValue_MatchesReference(double t, double df, double expected)
    {
        Close.Relative(expected, StudentT.TwoSidedPValue(t, df), 1e-12);
    }

    [Fact]
    public void StudentT_Cdf_IsSymmetricAndComplementsSurvival()
    {
        Assert.Equal(0.5, StudentT.Cdf(0, 7), 15);
        Assert.Equal(1, StudentT.Cdf(1.3, 7) + StudentT.Cdf(-1.3, 7), 14);
        Assert.Equal(1, StudentT.Cdf(1.3, 7) + StudentT.Survival(1.3, 7), 14);
        Close.Relative(0.5 * 1.898299844933982647e-11, StudentT.Survival(40, 9), 1e-12);
    }

    [Theory]
    [InlineData(0.975, 9, 2.2621571627982055)] // scipy's t.ppf returns 2.2621571627409915, 2.5e-11 too small
    [InlineData(0.975, 4, 2.7764451051977943)]
    [InlineData(0.975, 3, 3.1824463052837095)]
    [InlineData(0.975, 1000, 1.9623390808264085)]
    [InlineData(1e-8, 9, -18.283967455910624)]
    public void StudentT_Quantile_MatchesReference(double p, double df, double expected)
    {
        Close.Relative(expected, StudentT.Quantile(p, df), 1e-13);
    }

    [Theory]
    [InlineData(1e-12, 1)]
    [InlineData(0.3, 2)]
    [InlineData(0.9, 29)]
    [InlineData(0.999999, 5)]
    public void StudentT_Quantile_InvertsCdf(double p, double df)
    {
        Close.Relative(p, StudentT.Cdf(StudentT.Quantile(p, df), df), 1e-12);
    }

    [Fact]
    public void StudentT_InfiniteDegreesOfFreedom_IsNormal()
    {
        Assert.Equal(Normal.Cdf(1.7), StudentT.Cdf(1.7, double.PositiveInfinity), 15);
        Assert.Equal(1.959963984540054, StudentT.Quantile(0.975, double.PositiveInfinity), 13);
    }

    [Fact]
    public void StudentT_Quantile_RejectsProbabilityOutsideOpenInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.5, 0));
    }
}
