using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class CriticalDifferenceTests
{
    // Demšar (2006), Table 5a, k = 2..10. The paper's third decimals are off by one in three places against the
    // exact quantiles (k = 3 and 7 at 0.05, k = 5 at 0.10); scipy agrees with us there, so they are checked
    // against the exact values from scipy.stats.studentized_range(k, inf).ppf / √2 instead.
    [Theory]
    [InlineData(2, 0.05, 1.960)]
    [InlineData(3, 0.05, 2.3437005863784)]
    [InlineData(4, 0.05, 2.569)]
    [InlineData(5, 0.05, 2.728)]
    [InlineData(6, 0.05, 2.850)]
    [InlineData(7, 0.05, 2.9483200175297)]
    [InlineData(8, 0.05, 3.031)]
    [InlineData(9, 0.05, 3.102)]
    [InlineData(10, 0.05, 3.164)]
    [InlineData(2, 0.10, 1.645)]
    [InlineData(4, 0.10, 2.291)]
    [InlineData(5, 0.10, 2.4595157642714)]
    [InlineData(10, 0.10, 2.920)]
    public void CriticalDifference_NemenyiQ_MatchesDemsarTable5(int k, double alpha, double expected)
    {
        double decimals = expected.ToString(System.Globalization.CultureInfo.InvariantCulture).Length - 2;

        Assert.Equal(expected, Math.Round(CriticalDifference.NemenyiQ(k, alpha), (int)Math.Min(decimals, 12)), 12);
    }

    [Fact]
    public void CriticalDifference_BonferroniDunnQ_MatchesDemsarTable5b()
    {
        // Table 5b: k = 4 at 0.05 → 2.394, k = 10 at 0.05 → 2.773, k = 4 at 0.10 → 2.128.
        Assert.Equal(2.394, Math.Round(CriticalDifference.BonferroniDunnQ(4, 0.05), 3));
        Assert.Equal(2.773, Math.Round(CriticalDifference.BonferroniDunnQ(10, 0.05), 3));
        Assert.Equal(2.128, Math.Round(CriticalDifference.BonferroniDunnQ(4, 0.10), 3));
    }

    [Fact]
    public void CriticalDifference_Nemenyi_IsQTimesRankStandardError()
    {
        Assert.Equal(Math.Sqrt(20.0 / 84), CriticalDifference.RankStandardError(4, 14), 15);
        Assert.Equal(CriticalDifference.NemenyiQ(6, 0.05) * Math.Sqrt(42.0 / 72), CriticalDifference.Nemenyi(6, 12), 14);
    }
}
