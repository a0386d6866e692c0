namespace MLPipelines.Tuning.Search;

/// <summary><c>{int_uniform: [low, high]}</c>: every integer from low to high (both included) equally likely.</summary>
public sealed record IntUniformDistribution : SearchDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">high &lt; low.</exception>
    public IntUniformDistribution(long low, long high)
    {
        if (high < low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The upper bound must be at least the lower bound ({low}).");
        }

        Low = low;
        High = high;
    }

    public long Low { get; }

    public long High { get; }

    /// <inheritdoc />
    public override string Kind => "int_uniform";

    /// <inheritdoc />
    public override (double Low, double High)? NumericRange => (Low, High);

    /// <inheritdoc />
    public override object? Sample(ref TuningRandom random) => random.NextLong(Low, High);

    /// <inheritdoc />
    protected override string Arguments() => SearchValues.Format(new List<object> { Low, High });
}
