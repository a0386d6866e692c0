using System.Runtime.CompilerServices;
using MLPipelines.Results;

namespace MLPipelines.Spec.Declarations;

/// <summary>
/// Declares a property of an options class (e.g. a trainer's <c>LightGbmOptions</c>) as a pipeline option: its YAML
/// name, meaning and declared range. The property's type gives the option's type (int, double, bool, string, an
/// enum, a list of ints or doubles; nullable = "automatic" when null) and a fresh instance of the class gives its
/// default. From this one declaration <see cref="OptionDeclarations"/> derives the descriptor the spec loader
/// validates against, the JSON Schema, FORMAT.md, and the binding of YAML values onto the class.
/// </summary>
/// <remarks>Modelled on ML.NET's per-field <c>[Argument(HelpText = ...)]</c> metadata of its trainer options.</remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OptionAttribute(string name, string description, [CallerLineNumber] int order = 0) : Attribute
{
    /// <summary>YAML name, lower snake_case, e.g. <c>learning_rate</c>.</summary>
    public string Name { get; } = name;

    /// <summary>One or two sentences for FORMAT.md and the schema: what it does, and what null means if nullable.</summary>
    public string Description { get; } = description;

    /// <summary>Position in documentation and resolved specs: the line of the declaration (properties in source order).</summary>
    public int Order { get; } = order;

    /// <summary>Smallest allowed value (numbers and each element of number lists); NaN = unbounded.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Largest allowed value; NaN = unbounded.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>When true, <see cref="Min"/> itself is not allowed (e.g. learning_rate &gt; 0).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>When true, <see cref="Max"/> itself is not allowed (e.g. dropout &lt; 1).</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>How the number behaves: log for rates and strengths spanning decades (a tuner samples it in log space).</summary>
    public OptionScale Scale { get; init; } = OptionScale.Linear;

    /// <summary>Allowed values of a string option (an enum property lists its own values; leave this empty then).</summary>
    public string[] Choices { get; init; } = [];

    /// <summary>
    /// Instead of <see cref="Choices"/>: a type whose public static <c>Names</c> property (a list of strings) holds the
    /// allowed values, for lists kept in code elsewhere (e.g. the CNN's architecture presets).
    /// </summary>
    public Type? ChoicesFrom { get; init; }

    /// <summary>True for the option that measures training effort (boosting rounds, trees, epochs), the resource of successive halving.</summary>
    public bool Resource { get; init; }

    /// <summary>Tasks the option applies to; empty = every task the trainer supports.</summary>
    public TaskKind[] Tasks { get; init; } = [];
}
