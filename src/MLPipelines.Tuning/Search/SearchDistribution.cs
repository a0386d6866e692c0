namespace MLPipelines.Tuning.Search;

/// <summary>
/// Where a search draws one option's value from. Values have the types option values have once read:
/// <see cref="long"/> for integers, <see cref="double"/> for numbers, <see cref="bool"/>, <see cref="string"/>, or a
/// <c>List&lt;object&gt;</c> for list options (e.g. hidden layer sizes), so a sampled configuration binds exactly
/// like options written by hand.
/// </summary>
public abstract record SearchDistribution
{
    /// <summary>The spec key of this distribution, e.g. <c>log_uniform</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Smallest and largest value it can produce (numeric distributions), to check against an option's declared range.</summary>
    public virtual (double Low, double High)? NumericRange => null;

    /// <summary>The values it can produce when it is a finite set (<see cref="ChoiceDistribution"/>); null otherwise.</summary>
    public virtual IReadOnlyList<object?>? Choices => null;

    /// <summary>Draws one value.</summary>
    public abstract object? Sample(ref TuningRandom random);

    /// <summary>The distribution as written in a spec, e.g. <c>{log_uniform: [0.0003, 0.01]}</c>.</summary>
    public sealed override string ToString() => $"{{{Kind}: {Arguments()}}}";

    /// <summary>The flow-style arguments, e.g. <c>[0.0003, 0.01]</c>.</summary>
    protected abstract string Arguments();
}
