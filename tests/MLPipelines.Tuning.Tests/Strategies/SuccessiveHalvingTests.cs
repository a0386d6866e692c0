using MLPipelines.Tuning.Search;
using MLPipelines.Tuning.Strategies;

namespace MLPipelines.Tuning.Tests.Strategies;

public sealed class SuccessiveHalvingTests
{
    private static readonly SearchSpace Space = new([new("x", new UniformDistribution(0, 1))]);

    [Fact]
    public void SuccessiveHalving_Next_OneBracketTrainsNineThenThreeThenOne()
    {
        // Given the defaults plus one bracket of 9 (eta 3, 3 rungs) and a score that is the drawn x itself,
        // when run, then 9 start at 1/9, the best 3 go on at 1/3 and the best of those at the full resource.
        var configs = new ConfigSequence(Space, 42);
        var search = new SuccessiveHalving(configs, maxConfigs: 10, higherIsBetter: true);

        var started = SearchDriver.Run(search, X, slots: 1, seed: 3);

        Assert.Equal(1 + 9 + 3 + 1, started.Count);
        var defaults = Assert.Single(started, r => r.Config == 0);
        Assert.Equal((2, 1.0), (defaults.Rung, defaults.ResourceFraction));
        var rung0 = started.Where(r => r.Rung == 0).Select(r => r.Config).ToList();
        var rung1 = started.Where(r => r.Rung == 1).Select(r => r.Config).ToList();
        var rung2 = started.Where(r => r.Rung == 2 && r.Config != 0).Select(r => r.Config).ToList();
        Assert.Equal(Enumerable.Range(1, 9), rung0.Order());
        Assert.Equal(rung0.OrderByDescending(c => X(configs[c]!)).Take(3).Order(), rung1.Order());
        Assert.Equal([rung1.MaxBy(c => X(configs[c]!))], rung2);
        Assert.All(started.Where(r => r.Rung == 0), r => Assert.Equal(1 / 9.0, r.ResourceFraction, 12));
        Assert.All(started.Where(r => r.Rung == 1), r => Assert.Equal(1 / 3.0, r.ResourceFraction, 12));
    }

    [Fact]
    public void SuccessiveHalving_Next_MakesTheSameEvaluationsWhateverTheFinishingOrder()
    {
        // Given 40 configurations (4 full brackets and a partial one), when run with 1 slot and with 4 slots finishing
        // in different orders, then the set of (configuration, rung) evaluations is the same.
        HashSet<string> Evaluations(int slots, int seed) =>
            [.. SearchDriver.Run(new SuccessiveHalving(new ConfigSequence(Space, 7), 40, higherIsBetter: false), X, slots, seed).Select(r => r.Key)];

        var serial = Evaluations(1, 1);

        Assert.Equal(serial, Evaluations(4, 2));
        Assert.Equal(serial, Evaluations(3, 9));
        Assert.Equal(40, serial.Count(k => k.EndsWith("-r0", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public void SuccessiveHalving_Next_LowerIsBetterPromotesTheSmallestScores()
    {
        var configs = new ConfigSequence(Space, 42);
        var search = new SuccessiveHalving(configs, 10, higherIsBetter: false);

        var started = SearchDriver.Run(search, X, slots: 2, seed: 5);

        var rung0 = started.Where(r => r.Rung == 0).Select(r => r.Config).ToList();
        Assert.Equal(rung0.OrderBy(c => X(configs[c]!)).Take(3).Order(), started.Where(r => r.Rung == 1).Select(r => r.Config).Order());
    }

    [Fact]
    public void SuccessiveHalving_Next_NeverPromotesAFailedConfiguration()
    {
        // Given every configuration but two failing (NaN), then only those two can reach rung 1, and one goes on.
        var configs = new ConfigSequence(Space, 42);
        var search = new SuccessiveHalving(configs, 10, higherIsBetter: true);

        var started = SearchDriver.Run(search, r => r.Config is 4 or 6 ? X(r) : double.NaN, slots: 1, seed: 5);

        Assert.Equal([4, 6], started.Where(r => r.Rung == 1).Select(r => r.Config).Order());
        Assert.Single(started, r => r.Rung == 2 && r.Config != 0);
    }

    [Fact]
    public void SuccessiveHalving_Next_APartialLastBracketStillPromotes()
    {
        // Given 1 + 4 configurations with eta 3: the bracket of 4 keeps max(1, 4/3) = 1 at each later rung.
        var search = new SuccessiveHalving(new ConfigSequence(Space, 42), 5, higherIsBetter: true);

        var started = SearchDriver.Run(search, X, slots: 2, seed: 5);

        Assert.Equal(1 + 4 + 1 + 1, started.Count);
    }

    [Fact]
    public void SuccessiveHalving_Next_OneRungIsRandomSearchAtFullResource()
    {
        var search = new SuccessiveHalving(new ConfigSequence(Space, 42), 6, higherIsBetter: true, rungs: 1);

        var started = SearchDriver.Run(search, X, slots: 2, seed: 5);

        Assert.Equal(6, started.Count);
        Assert.All(started, r => Assert.Equal(1, r.ResourceFraction));
    }

    private static double X(TrialRequest request) => X(request.Values);

    private static double X(TrialConfig config) => config.IsDefault ? 0.5 : (double)config.Values[0].Value!;
}
