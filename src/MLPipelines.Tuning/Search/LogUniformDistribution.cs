namespace MLPipelines.Tuning.Search;

/// <summary>
/// <c>{log_uniform: [low, high]}</c>: the logarithm is uniform, so each factor of ten between the bounds is
/// equally likely (learning rates, regularization strengths). Bounds must be positive.
/// </summary>
public sealed record LogUniformDistribution : SearchDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite and positive, or high &lt;= low.</exception>
    public LogUniformDistribution(double low, double high)
    {
        SearchValues.CheckBounds(low, high, strictlyPositive: true);
        Low = low;
        High = high;
    }

    public double Low { get; }

    public double High { get; }

    /// <inheritdoc />
    public override string Kind => "log_uniform";

    /// <inheritdoc />
    public override (double Low, double High)? NumericRange => (Low, High);

    /// <inheritdoc />
    public override object? Sample(ref TuningRandom random)
    {
        var value = Math.Exp(Math.Log(Low) + ((Math.Log(High) - Math.Log(Low)) * random.NextDouble()));
        return Math.Clamp(value, Low, High);
    }

    /// <inheritdoc />
    protected override string Arguments() => SearchValues.Format(new List<object> { Low, High });
}
