using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class RankingTests
{
    [Fact]
    public void Ranking_Rank_AveragesTiesAndRanksBestFirst()
    {
        double[] scores = [0.9, 0.8, 0.9, 0.7];

        Assert.Equal([1.5, 3, 1.5, 4], Ranking.Rank(scores, MetricDirection.HigherIsBetter));
        Assert.Equal([3.5, 2, 3.5, 1], Ranking.Rank(scores, MetricDirection.LowerIsBetter));
    }

    [Fact]
    public void Ranking_Rank_AllTiedShareTheMiddleRank()
    {
        Assert.Equal([2.5, 2.5, 2.5, 2.5], Ranking.Rank([1.0, 1.0, 1.0, 1.0], MetricDirection.HigherIsBetter));
    }

    [Fact]
    public void Ranking_AverageRanks_ReproducesDemsarTable6()
    {
        var ranks = Ranking.AverageRanks(DemsarExample.AsRankedInThePaper(), MetricDirection.HigherIsBetter);

        Assert.Equal([3.143, 2.000, 2.893, 1.964], ranks.Select(r => Math.Round(r, 3)));
        Assert.Equal([44 / 14.0, 28 / 14.0, 40.5 / 14, 27.5 / 14], ranks, new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
