using MLPipelines.Tuning.Search;

namespace MLPipelines.Tuning.Tests.Search;

public sealed class TuningRandomTests
{
    [Fact]
    public void TuningRandom_For_SameSeedAndKeysGiveTheSameStream()
    {
        var a = TuningRandom.For(42, 3, 7);
        var b = TuningRandom.For(42, 3, 7);

        Assert.Equal(Enumerable.Range(0, 20).Select(_ => a.NextBits()), Enumerable.Range(0, 20).Select(_ => b.NextBits()));
    }

    [Fact]
    public void TuningRandom_For_KeyOrderAndValuesGiveDifferentStreams()
    {
        var first = new[] { TuningRandom.For(42, 3, 7), TuningRandom.For(42, 7, 3), TuningRandom.For(42, 3, 8), TuningRandom.For(43, 3, 7), TuningRandom.For(42) };

        var heads = first.Select(r => r.NextBits()).ToList();

        Assert.Equal(heads.Count, heads.Distinct().Count());
    }

    [Fact]
    public void TuningRandom_NextBits_IsPinnedToSplitMix64()
    {
        // Seed 0 mixes to state 0, so the stream is SplitMix64's published one from state 0. Pinned so that a change
        // of the generator (which would change every tuned figure of every run) is deliberate.
        var random = new TuningRandom(0);

        Assert.Equal([0xE220A8397B1DCDAFUL, 0x6E789E6AA1B965F4UL, 0x06C45D188009454FUL], Enumerable.Range(0, 3).Select(_ => random.NextBits()));
        Assert.Equal(TuningRandom.Key("lightgbm"), TuningRandom.Key("lightgbm"));
        Assert.NotEqual(TuningRandom.Key("lightgbm"), TuningRandom.Key("lightgbn"));
    }

    [Fact]
    public void TuningRandom_NextInt_IsUniformOverItsRange()
    {
        // Given 60,000 draws over 6 values, when counted, then each count is within 5 standard deviations of 10,000.
        var random = new TuningRandom(7);
        var counts = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            counts[random.NextInt(6)]++;
        }

        var sd = Math.Sqrt(60_000 * (1 / 6.0) * (5 / 6.0));
        Assert.All(counts, c => Assert.InRange(c, 10_000 - (5 * sd), 10_000 + (5 * sd)));
    }

    [Fact]
    public void TuningRandom_NextLong_IncludesBothEnds()
    {
        var random = new TuningRandom(1);
        var values = Enumerable.Range(0, 500).Select(_ => random.NextLong(-2, 2)).ToHashSet();

        Assert.Equal([-2L, -1, 0, 1, 2], values.Order());
    }

    [Fact]
    public void TuningRandom_NextDouble_StaysInUnitInterval()
    {
        var random = new TuningRandom(5);
        var values = Enumerable.Range(0, 10_000).Select(_ => random.NextDouble()).ToList();

        Assert.All(values, v => Assert.InRange(v, 0, 0.9999999999999999));
        Assert.InRange(values.Average(), 0.49, 0.51);
    }

    [Fact]
    public void TuningRandom_NextLong_RejectsAnEmptyRange()
    {
        var random = new TuningRandom(5);

        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextLong(3, 2));
    }
}
