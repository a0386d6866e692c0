using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class FriedmanTestTests
{
    [Fact]
    public void FriedmanTest_Run_ReproducesDemsarsWorkedExample()
    {
        // Demšar (2006), section 3.2.2: χ²_F = 9.28, F_F = 3.69, critical F(3, 39) at 0.05 is 2.85 → reject.
        var result = FriedmanTest.Run(DemsarExample.AsRankedInThePaper(), MetricDirection.HigherIsBetter);

        // χ²_F = 12·14/(4·5) · (Σ R_j² − 25) with Σ R_j² = 5116.5/196, exactly 1818.6/196.
        Assert.Equal(1818.6 / 196, result.ChiSquare, 12);
        Assert.Equal(9.28, Math.Round(result.ChiSquare, 2));
        Assert.Equal(3.69, Math.Round(result.ImanDavenportF!.Value, 2));
        Assert.Equal((3, 39), (result.FNumeratorDegreesOfFreedom, result.FDenominatorDegreesOfFreedom));
        Assert.True(result.Significant);
    }

    [Fact]
    public void FriedmanTest_Run_MatchesScipyWithTiesAveraged()
    {
        // The table as printed (voting tied): reference values from scipy.stats (friedmanchisquare is
        // tie-corrected) and mpmath; see bench/stats_reference.py.
        var result = FriedmanTest.Run(DemsarExample.Table6(), MetricDirection.HigherIsBetter);

        Assert.Equal(69.0 / 7, result.ChiSquare, 12);
        Close.Relative(0.019820334037904818, result.ChiSquarePValue, 1e-11);
        Close.Relative(10.952380952380952, result.ChiSquareTieCorrected, 1e-12);
        Close.Relative(0.011986176325417815, result.ChiSquareTieCorrectedPValue, 1e-11);
        Close.Relative(3.9866666666666667, result.ImanDavenportF!.Value, 1e-12);
        Close.Relative(0.014352446216023746, result.ImanDavenportPValue, 1e-11);
        Assert.Equal(14, result.DatasetCount);
    }

    [Fact]
    public void FriedmanTest_Run_LowerIsBetterReversesTheRanks()
    {
        var higher = FriedmanTest.Run(DemsarExample.Table6(), MetricDirection.HigherIsBetter);
        var lower = FriedmanTest.Run(DemsarExample.Table6(), MetricDirection.LowerIsBetter);

        Assert.Equal(higher.AverageRanks.Select(r => 5 - r), lower.AverageRanks.Select(r => Math.Round(r, 12)).Select(r => r), new RoundedComparer());
        Assert.Equal(higher.ChiSquare, lower.ChiSquare, 10);
    }

    [Fact]
    public void FriedmanTest_Run_IdenticalModelsAreNotSignificant()
    {
        var scores = new ScoreMatrix(["a", "b", "c"], ["d1", "d2", "d3"], [[0.5, 0.5, 0.5], [0.7, 0.7, 0.7], [0.1, 0.1, 0.1]]);

        var result = FriedmanTest.Run(scores, MetricDirection.HigherIsBetter);

        Assert.Equal(0, result.ChiSquare, 12);
        Assert.Equal(0, result.ChiSquareTieCorrected);
        Assert.Equal(1, result.ChiSquarePValue, 12);
        Assert.Equal(1, result.ImanDavenportPValue, 12);
        Assert.False(result.Significant);
    }

    [Fact]
    public void FriedmanTest_Run_UnanimousRankingHasInfiniteF()
    {
        // Every dataset ranks a > b > c: χ²_F reaches its maximum N(k − 1) and F_F's denominator vanishes.
        var scores = new ScoreMatrix(["a", "b", "c"], ["d1", "d2", "d3", "d4"], [[3, 2, 1], [9, 5, 4], [0.9, 0.8, 0.1], [7, 6, 5]]);

        var result = FriedmanTest.Run(scores, MetricDirection.HigherIsBetter);

        Assert.Equal(8, result.ChiSquare, 12);
        Assert.Null(result.ImanDavenportF);
        Assert.Equal(1.0 / 216, result.ImanDavenportPValue, 15); // (3!)^(1 − 4): all four datasets agree
        Assert.True(result.Significant);
        Assert.Equal([1.0, 2, 3], result.AverageRanks);
    }

    [Fact]
    public void FriedmanTest_Run_UnanimousTwoModelsOnThreeDatasetsIsNotSignificant()
    {
        // Two models ranked alike on three datasets happens by chance with probability 2 · (1/2)³ = 1/4.
        var scores = new ScoreMatrix(["a", "b"], ["d1", "d2", "d3"], [[0.9, 0.8], [0.7, 0.6], [0.95, 0.94]]);

        var result = FriedmanTest.Run(scores, MetricDirection.HigherIsBetter);

        Assert.Null(result.ImanDavenportF);
        Assert.Equal(0.25, result.ImanDavenportPValue, 15);
        Assert.False(result.Significant);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
