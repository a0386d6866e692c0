using MLPipelines.Tuning.Search;
using MLPipelines.Tuning.Strategies;

namespace MLPipelines.Tuning.Tests.Strategies;

public sealed class RandomSearchTests
{
    private static readonly SearchSpace Space = new([new("learning_rate", new LogUniformDistribution(0.01, 0.3))]);

    [Fact]
    public void RandomSearch_Next_StartsTheDefaultsThenDrawsUntilTheTrialBudget()
    {
        var search = new RandomSearch(new ConfigSequence(Space, 42), maxTrials: 5, higherIsBetter: true);

        var started = SearchDriver.Run(search, _ => 0.5, slots: 2, seed: 1);

        Assert.Equal(5, started.Count);
        Assert.True(started[0].Values.IsDefault);
        Assert.All(started, r => Assert.Equal(1, r.ResourceFraction));
        Assert.Equal([0, 1, 2, 3, 4], started.Select(r => r.Config));
        Assert.Equal(started.Count, started.Select(r => r.Key).Distinct().Count());
    }

    [Fact]
    public void RandomSearch_Next_StopsWhenAFiniteSpaceIsExhausted()
    {
        var space = new SearchSpace([new("a", new ChoiceDistribution([1, 2, 3]))]);
        var search = new RandomSearch(new ConfigSequence(space, 42), maxTrials: 50, higherIsBetter: true);

        var started = SearchDriver.Run(search, _ => 0.5, slots: 1, seed: 1);

        Assert.Equal(4, started.Count);
    }

    [Fact]
    public void TrialRequest_ResourceOf_RoundsAndNeverGoesBelowOne()
    {
        Assert.Equal(11, new TrialRequest(0, 1, TrialConfig.Default, 0, 1 / 9.0).ResourceOf(100));
        Assert.Equal(1, new TrialRequest(0, 1, TrialConfig.Default, 0, 1 / 9.0).ResourceOf(3));
        Assert.Equal("c1-r0", new TrialRequest(0, 1, TrialConfig.Default, 0, 1 / 9.0).Key);
    }
}
