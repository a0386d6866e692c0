using System.Globalization;
using MLPipelines.Results;
using MLPipelines.Tuning.Search;

namespace MLPipelines.Spec.Declarations;

/// <summary>
/// One documented option of a trainer or preprocessing step: its YAML name (snake_case), type, default and bounds.
/// The spec validator checks user values against it before any data is read; the resolved spec holds the default
/// for every option the user left out. Built from an options class's <see cref="OptionAttribute"/> properties by
/// <see cref="OptionDeclarations"/> (or written out directly, for options not backed by a class).
/// </summary>
public sealed record OptionDescriptor(string Name, OptionKind Kind, object? Default, string Description)
{
    /// <summary>Smallest allowed value (numbers, and each element of number lists).</summary>
    public double? Min { get; init; }

    /// <summary>Largest allowed value.</summary>
    public double? Max { get; init; }

    /// <summary>When true, <see cref="Min"/> itself is not allowed (e.g. learning_rate &gt; 0).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>When true, <see cref="Max"/> itself is not allowed (e.g. dropout &lt; 1).</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>Allowed values of an <see cref="OptionKind.Enum"/> option.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>True when <c>null</c> (YAML <c>~</c> / <c>null</c>) is a valid value, meaning "automatic".</summary>
    public bool Nullable { get; init; }

    /// <summary>
    /// Tasks the option applies to; empty = every task the trainer supports. Writing the option in a pipeline of
    /// another task is a spec error (e.g. a binary-only <c>unbalanced</c> flag in a regression pipeline).
    /// </summary>
    public IReadOnlyList<TaskKind> Tasks { get; init; } = [];

    /// <summary>Linear or log: how a tuner should step through the values.</summary>
    public OptionScale Scale { get; init; } = OptionScale.Linear;

    /// <summary>The default search space for tuning (<see cref="SearchAttribute"/>); null = not tuned by default.</summary>
    public SearchDistribution? Search { get; init; }

    /// <summary>Where <see cref="Search"/> comes from (paper, library docs, benchmark); empty without one.</summary>
    public string SearchSource { get; init; } = "";

    /// <summary>Position of the option in the default search space's drawing order (<see cref="SearchAttribute.DrawOrder"/>).</summary>
    public int SearchOrder { get; init; }

    /// <summary>
    /// True for the option that measures training effort (boosting rounds, trees, epochs): successive halving gives
    /// a trial a fraction of it.
    /// </summary>
    public bool Resource { get; init; }

    /// <summary>The declared range as text, e.g. <c>&gt;= 0 and &lt; 1</c>; empty when unbounded.</summary>
    public string RangeText => NumberRange.Text(Min, Max, MinExclusive, MaxExclusive);

    /// <summary>"must be &gt;= 0 and &lt; 1, got 2" when <paramref name="number"/> is outside the declared range, else null.</summary>
    public string? RangeError(double number) => NumberRange.Contains(number, Min, Max, MinExclusive, MaxExclusive)
        ? null
        : $"must be {RangeText}, got {number.ToString("R", CultureInfo.InvariantCulture)}";
}
