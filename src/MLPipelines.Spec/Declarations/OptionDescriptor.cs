using MLPipelines.Results;

namespace MLPipelines.Spec.Declarations;

/// <summary>
/// One documented option of a trainer or preprocessing step: its YAML name (snake_case), type, default and bounds.
/// The spec validator checks user values against it before any data is read; the resolved spec holds the default
/// for every option the user left out.
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
}
