namespace MLPipelines.Neural.Augmentation;

/// <summary>
/// A small counter-based generator (splitmix64) whose stream is fixed by (seed, step, sample), so each sample of a
/// batch draws the same numbers whichever thread handles it and in whatever order.
/// </summary>
internal struct SampleRandom
{
    private ulong _state;

    public SampleRandom(int seed, long step, int sample)
    {
        _state = Mix(Mix(Mix((ulong)(uint)seed) ^ (ulong)step) ^ (ulong)(uint)sample);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)(NextDouble() * count);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    private ulong Next()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
