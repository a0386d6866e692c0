namespace MLPipelines.Tuning.Search;

/// <summary><c>{uniform: [low, high]}</c>: every number in [low, high) equally likely (e.g. dropout, subsample fractions).</summary>
public sealed record UniformDistribution : SearchDistribution
{
    /// <summary>Creates the distribution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or high &lt;= low.</exception>
    public UniformDistribution(double low, double high)
    {
        SearchValues.CheckBounds(low, high, strictlyPositive: false);
        Low = low;
        High = high;
    }

    public double Low { get; }

    public double High { get; }

    /// <inheritdoc />
    public override string Kind => "uniform";

    /// <inheritdoc />
    public override (double Low, double High)? NumericRange => (Low, High);

    /// <inheritdoc />
    public override object? Sample(ref TuningRandom random) => Low + ((High - Low) * random.NextDouble());

    /// <inheritdoc />
    protected override string Arguments() => SearchValues.Format(new List<object> { Low, High });
}
