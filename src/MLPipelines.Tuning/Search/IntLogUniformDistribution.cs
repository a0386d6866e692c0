namespace MLPipelines.Tuning.Search;

/// <summary>
/// <c>{int_log_uniform: [low, high]}</c>: integers whose logarithm is near-uniform (leaves per tree, rows per
/// leaf, layer widths), so 2..512 gives as many values below 32 as above. Drawn as Optuna does: a log-uniform
/// number in [low - 0.5, high + 0.5] rounded to the nearest integer, which gives each end its fair share.
/// </summary>
public sealed record IntLogUniformDistribution : SearchDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">low &lt; 1, or high &lt; low.</exception>
    public IntLogUniformDistribution(long low, long high)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(low, 1);
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
    public override string Kind => "int_log_uniform";

    /// <inheritdoc />
    public override (double Low, double High)? NumericRange => (Low, High);

    /// <inheritdoc />
    public override object? Sample(ref TuningRandom random)
    {
        var low = Math.Log(Low - 0.5);
        var high = Math.Log(High + 0.5);
        var value = (long)Math.Round(Math.Exp(low + ((high - low) * random.NextDouble())), MidpointRounding.AwayFromZero);
        return Math.Clamp(value, Low, High);
    }

    /// <inheritdoc />
    protected override string Arguments() => SearchValues.Format(new List<object> { Low, High });
}
