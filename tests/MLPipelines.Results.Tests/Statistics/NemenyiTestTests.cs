using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class NemenyiTestTests
{
    [Fact]
    public void NemenyiTest_Run_ReproducesDemsarsCriticalDifferences()
    {
        var friedman = FriedmanTest.Run(DemsarExample.AsRankedInThePaper(), MetricDirection.HigherIsBetter);

        var at05 = NemenyiTest.Run(friedman, 0.05);
        var at10 = NemenyiTest.Run(friedman, 0.10);

        // Demšar: CD = 2.569 √(4·5/(6·14)) = 1.25 at 0.05, 1.12 at 0.10. At 0.05 no pair differs; at 0.10
        // C4.5+m and C4.5+m+cf are significantly better than C4.5 (rank differences 1.143 and 1.179).
        Assert.Equal(1.25, Math.Round(at05.CriticalDifference, 2));
        Assert.Equal(1.12, Math.Round(at10.CriticalDifference, 2));
        Assert.DoesNotContain(at05.Pairs, p => p.Significant);
        Assert.Equal(
            [("C4.5", "C4.5+m"), ("C4.5", "C4.5+m+cf")],
            at10.Pairs.Where(p => p.Significant).Select(p => (p.A, p.B)));
    }

    [Fact]
    public void NemenyiTest_Run_PairPValuesMatchScipy()
    {
        // Ties averaged; p = studentized_range.sf(√2 |ΔR| / √(k(k+1)/6N), k, inf) from scipy.
        var friedman = FriedmanTest.Run(DemsarExample.Table6(), MetricDirection.HigherIsBetter);

        var result = NemenyiTest.Run(friedman);

        Close.Relative(2.569031772546482 * Math.Sqrt(20.0 / 84), result.CriticalDifference, 1e-12);
        var pair = result.Pairs.Single(p => p.A == "C4.5" && p.B == "C4.5+m+cf");
        Assert.Equal(1.2142857142857142, pair.RankDifference, 12);
        Close.Relative(0.06168325891240057, pair.PValue, 1e-7);
    }

    [Fact]
    public void NemenyiTest_Groups_JoinRunsWithinTheCriticalDifference()
    {
        // Sorted ranks A 1.0, B 1.5, C 2.8, D 3.0, E 4.7 with CD 1.25: {A, B} and {C, D}; E stands alone.
        var groups = NemenyiTest.Groups(["E", "C", "A", "D", "B"], [4.7, 2.8, 1.0, 3.0, 1.5], 1.25);

        Assert.Equal(2, groups.Count);
        Assert.Equal(["A", "B"], groups[0].Models);
        Assert.Equal(["C", "D"], groups[1].Models);
        Assert.Equal((2.8, 3.0), (groups[1].BestRank, groups[1].WorstRank));
    }

    [Fact]
    public void NemenyiTest_Groups_KeepOverlappingMaximalGroupsOnly()
    {
        var groups = NemenyiTest.Groups(["a", "b", "c", "d"], [1, 2, 3, 4], 1.5);

        Assert.Equal([["a", "b"], ["b", "c"], ["c", "d"]], groups.Select(g => g.Models.ToArray()));
    }

    [Fact]
    public void NemenyiTest_Groups_OneGroupWhenNothingDiffers()
    {
        var groups = NemenyiTest.Groups(["a", "b", "c"], [1.9, 2.0, 2.1], 1);

        Assert.Single(groups);
        Assert.Equal(["a", "b", "c"], groups[0].Models);
    }

    [Fact]
    public void NemenyiTest_Run_RejectsMismatchedRanks()
    {
        Assert.Throws<ArgumentException>(() => NemenyiTest.Run(["a", "b"], [1.0], 5));
    }
}
