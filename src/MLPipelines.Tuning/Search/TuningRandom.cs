namespace MLPipelines.Tuning.Search;

/// <summary>
/// A small seeded generator (SplitMix64, Steele et al. 2014) whose output is fixed by this code alone, so a trial's
/// configuration is the same on every machine and .NET version (System.Random's seeded sequence is an
/// implementation detail). <see cref="For(long, ReadOnlySpan{long})"/> derives independent streams from a seed
/// and keys (e.g. model, outer split, trial), which keeps every trial a pure function of its key.
/// </summary>
public struct TuningRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <summary>A generator started from <paramref name="seed"/>.</summary>
    public TuningRandom(long seed)
    {
        _state = Mix(unchecked((ulong)seed));
    }

    /// <summary>The stream of <paramref name="seed"/> and <paramref name="keys"/>, in that order (order matters).</summary>
    public static TuningRandom For(long seed, params ReadOnlySpan<long> keys)
    {
        var state = Mix(unchecked((ulong)seed));
        foreach (var key in keys)
        {
            state = Mix(unchecked(state + Golden + Mix((ulong)key)));
        }

        return new TuningRandom { _state = state };
    }

    /// <summary>A stable 64-bit hash of a string (FNV-1a folded through the mixer), for keys named by text.</summary>
    public static long Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var ch in text)
        {
            hash = unchecked((hash ^ ch) * 1099511628211UL);
        }

        return unchecked((long)Mix(hash));
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextBits()
    {
        _state = unchecked(_state + Golden);
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="count"/>), unbiased (Lemire 2019, multiply and reject).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var n = (ulong)count;
        var threshold = unchecked(0UL - n) % n;
        while (true)
        {
            var high = Math.BigMul(NextBits(), n, out var low);
            if (low >= threshold)
            {
                return (int)high;
            }
        }
    }

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>] (both included).</summary>
    public long NextLong(long low, long high)
    {
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high must be at least low ({low}).");
        }

        var span = unchecked((ulong)(high - low)) + 1;
        if (span == 0)
        {
            return unchecked((long)NextBits());
        }

        var threshold = unchecked(0UL - span) % span;
        while (true)
        {
            var result = Math.BigMul(NextBits(), span, out var lowBits);
            if (lowBits >= threshold)
            {
                return unchecked(low + (long)result);
            }
        }
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
