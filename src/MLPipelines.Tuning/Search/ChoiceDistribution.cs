namespace MLPipelines.Tuning.Search;

/// <summary>
/// <c>{choice: [a, b, ...]}</c>: one of the listed values, each equally likely. Values may be lists themselves
/// (<c>hidden_layers: {choice: [[256, 256], [512, 512, 512]]}</c>) or text (<c>optimizer: {choice: [adamw, sgd]}</c>).
/// </summary>
public sealed record ChoiceDistribution : SearchDistribution
{
    private readonly object?[] _values;

    /// <summary>Creates the distribution; the values are copied (lists deeply).</summary>
    /// <exception cref="ArgumentException">No values, or a value of a type options cannot have.</exception>
    public ChoiceDistribution(IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values.Select(SearchValues.Normalize)];
        if (_values.Length == 0)
        {
            throw new ArgumentException("A choice needs at least one value.", nameof(values));
        }
    }

    /// <inheritdoc />
    public override string Kind => "choice";

    /// <inheritdoc />
    public override IReadOnlyList<object?>? Choices => _values;

    /// <inheritdoc />
    public override object? Sample(ref TuningRandom random) => SearchValues.Normalize(_values[random.NextInt(_values.Length)]);

    /// <inheritdoc />
    public bool Equals(ChoiceDistribution? other) =>
        other is not null && _values.Length == other._values.Length && _values.Zip(other._values).All(p => SearchValues.AreEqual(p.First, p.Second));

    /// <inheritdoc />
    public override int GetHashCode() => SearchValues.Format(_values.ToList()).GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    protected override string Arguments() => SearchValues.Format(_values.ToList());
}
