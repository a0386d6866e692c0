namespace MLPipelines.Neural.Initializers;

/// <summary>Fills weight arrays according to an <see cref="Initializer"/>, deterministically from a seeded <see cref="Random"/>.</summary>
public static class WeightInitializer
{
    /// <summary>Fills <paramref name="weights"/> for a weight with the given fans.</summary>
    public static void Fill(Initializer scheme, Span<float> weights, int fanIn, int fanOut, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanOut, 1);
        switch (scheme)
        {
            case Initializer.HeNormal: FillNormal(weights, Math.Sqrt(2.0 / fanIn), random); break;
            case Initializer.HeUniform: FillUniform(weights, Math.Sqrt(6.0 / fanIn), random); break;
            case Initializer.GlorotUniform: FillUniform(weights, Math.Sqrt(6.0 / (fanIn + fanOut)), random); break;
            case Initializer.GlorotNormal: FillNormal(weights, Math.Sqrt(2.0 / (fanIn + fanOut)), random); break;
            case Initializer.LeCunNormal: FillNormal(weights, Math.Sqrt(1.0 / fanIn), random); break;
            case Initializer.LeCunUniform: FillUniform(weights, Math.Sqrt(3.0 / fanIn), random); break;
            default: throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown initializer.");
        }
    }

    /// <summary>Fills with U(-limit, limit).</summary>
    public static void FillUniform(Span<float> values, double limit, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((2.0 * random.NextDouble()) - 1.0) * limit);
        }
    }

    /// <summary>Fills with N(0, std^2) by the Box-Muller transform.</summary>
    public static void FillNormal(Span<float> values, double std, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var i = 0; i < values.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u1)) * std;
            values[i] = (float)(r * Math.Cos(2.0 * Math.PI * u2));
            if (i + 1 < values.Length)
            {
                values[i + 1] = (float)(r * Math.Sin(2.0 * Math.PI * u2));
            }
        }
    }
}
