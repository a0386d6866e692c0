using MLPipelines.Core.Evaluation;

namespace MLPipelines.Core.Tests.Evaluation;

public sealed class FoldPlannerTests
{
    private static int[] Strata(int n) => [.. Enumerable.Range(0, n).Select(i => i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2)];

    [Fact]
    public void FoldPlanner_KFold_TestFoldsAreDisjointAndCoverEveryRow()
    {
        var splits = FoldPlanner.KFold(103, 5, 1, 42, null);

        Assert.Equal(5, splits.Count);
        var all = splits.SelectMany(s => s.Test).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 103), all);
        foreach (var split in splits)
        {
            Assert.Empty(split.Train.Intersect(split.Test));
            Assert.Equal(103, split.Train.Length + split.Test.Length);
            Assert.InRange(split.Test.Length, 20, 21);
        }
    }

    [Fact]
    public void FoldPlanner_KFold_StratifiedFoldsKeepClassProportions()
    {
        var strata = Strata(1000);

        var splits = FoldPlanner.KFold(1000, 5, 1, 1, strata);

        foreach (var split in splits)
        {
            Assert.InRange(split.Test.Count(r => strata[r] == 0), 139, 141);
            Assert.InRange(split.Test.Count(r => strata[r] == 1), 39, 41);
            Assert.InRange(split.Test.Count(r => strata[r] == 2), 19, 21);
        }
    }

    [Fact]
    public void FoldPlanner_KFold_RepeatsReshuffleAndTheSeedReproduces()
    {
        var a = FoldPlanner.KFold(200, 4, 2, 9, null);
        var b = FoldPlanner.KFold(200, 4, 2, 9, null);
        var other = FoldPlanner.KFold(200, 4, 2, 10, null);

        Assert.Equal(8, a.Count);
        Assert.Equal(a.Select(s => s.Test), b.Select(s => s.Test));
        Assert.NotEqual(a[0].Test, a[4].Test);
        Assert.NotEqual(a[0].Test, other[0].Test);
        Assert.Equal((1, 0), (a[4].Repeat, a[4].Fold));
    }

    [Fact]
    public void FoldPlanner_Holdout_TakesTheFractionPerStratum()
    {
        var strata = Strata(1000);

        var split = Assert.Single(FoldPlanner.Holdout(1000, 0.2, 1, 3, strata));

        Assert.Equal(200, split.Test.Length);
        Assert.Equal(140, split.Test.Count(r => strata[r] == 0));
        Assert.Empty(split.Train.Intersect(split.Test));
    }

    [Fact]
    public void FoldPlanner_QuantileStrata_BinsByRank()
    {
        var strata = FoldPlanner.QuantileStrata([5f, 1f, 3f, 2f, 4f], 5);

        Assert.Equal([4, 0, 2, 1, 3], strata);
    }

    [Fact]
    public void FoldPlanner_KFold_FewerRowsThanFoldsIsRejected()
    {
        Assert.Throws<ArgumentException>(() => FoldPlanner.KFold(3, 5, 1, 1, null));
    }
}
