namespace MLPipelines.Spec.Declarations;

/// <summary>
/// The default search space of an option for tuning: a distribution over a range (within the option's declared
/// range) or a list of choices, with where it comes from in <see cref="Source"/>. <see cref="OptionDeclarations"/>
/// turns it into an <see cref="OptionDescriptor.Search"/> distribution of MLPipelines.Tuning; an option without one
/// is not tuned by default.
/// </summary>
/// <remarks>Like ML.NET's sweepable-parameter attributes next to its option fields.</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class SearchAttribute : Attribute
{
    /// <summary>A continuous or integer range, both ends included.</summary>
    public SearchAttribute(SearchKind kind, double low, double high)
    {
        Kind = kind;
        Low = low;
        High = high;
        Choices = [];
    }

    /// <summary>One of <paramref name="choices"/>, uniformly (typed like the option: strings for enums, int arrays for int lists).</summary>
    public SearchAttribute(params object[] choices)
    {
        Low = double.NaN;
        High = double.NaN;
        Choices = choices;
    }

    /// <summary>The distribution of a range; ignored for choices.</summary>
    public SearchKind Kind { get; }

    /// <summary>Lower end of a range; NaN for choices.</summary>
    public double Low { get; }

    /// <summary>Upper end of a range; NaN for choices.</summary>
    public double High { get; }

    /// <summary>The values of a choice; empty for a range.</summary>
    public IReadOnlyList<object> Choices { get; }

    /// <summary>Where the range comes from (paper, library docs, benchmark), shown in FORMAT.md.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// Position of the option when a configuration is drawn (lower first; equal positions keep declaration order).
    /// A seed's configurations depend on this order, so it stays fixed once tuned figures were published.
    /// </summary>
    public int DrawOrder { get; init; }
}
