using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec;

/// <summary>
/// One key of the pipeline format: name, kind, default, bounds and meaning. The loader validates against these,
/// and <see cref="JsonSchemaWriter"/> and <see cref="FormatReferenceWriter"/> describe the format from the same
/// objects, so the published schema and reference cannot drift from what the loader accepts.
/// </summary>
/// <param name="Name">YAML key, lower snake_case.</param>
/// <param name="Kind">What the key holds.</param>
/// <param name="Default">Value when the key is left out (typed like the resolved value); null for required keys and "automatic".</param>
/// <param name="Description">One or two sentences for the reference and editor tooltips.</param>
public sealed record SpecKey(string Name, SpecValueKind Kind, object? Default, string Description)
{
    /// <summary>The key must be written.</summary>
    public bool Required { get; init; }

    /// <summary><c>null</c> / <c>~</c> is a valid value (meaning "automatic").</summary>
    public bool Nullable { get; init; }

    /// <summary>Smallest allowed number (also for each list element).</summary>
    public double? Min { get; init; }

    /// <summary>Largest allowed number.</summary>
    public double? Max { get; init; }

    /// <summary><see cref="Min"/> itself is not allowed.</summary>
    public bool MinExclusive { get; init; }

    /// <summary><see cref="Max"/> itself is not allowed.</summary>
    public bool MaxExclusive { get; init; }

    /// <summary>Allowed values of <see cref="SpecValueKind.Enum"/> and <see cref="SpecValueKind.EnumList"/> keys.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>Regular expression a string value must match in full (e.g. names that become file names).</summary>
    public string? Pattern { get; init; }

    /// <summary>What <see cref="Pattern"/> means, for messages: "letters, digits, '.', '_' and '-'".</summary>
    public string? PatternHint { get; init; }

    /// <summary>Keys of a <see cref="SpecValueKind.Section"/>.</summary>
    public IReadOnlyList<SpecKey> Children { get; init; } = [];

    /// <summary>
    /// With <see cref="OnlyWhenValues"/>: the key may be written only when the sibling key <see cref="OnlyWhenKey"/>
    /// has one of those values (e.g. <c>folds</c> only with <c>method: kfold</c>); otherwise it is an error, not
    /// silently ignored.
    /// </summary>
    public string? OnlyWhenKey { get; init; }

    /// <summary>The values of <see cref="OnlyWhenKey"/> this key needs (one of them).</summary>
    public IReadOnlyList<string> OnlyWhenValues { get; init; } = [];

    /// <summary>
    /// Kinds of data a key of the <c>data:</c> section applies to, from <see cref="SpecFormat.DataFormats"/>
    /// (<c>tabular</c>, <c>idx</c>, <c>folders</c>, <c>csv_pixels</c>); empty = all. Written for other data it is an error.
    /// </summary>
    public IReadOnlyList<string> DataFormats { get; init; } = [];

    /// <summary>Kinds of data (as in <see cref="DataFormats"/>) for which the key must be written; see also <see cref="Required"/>.</summary>
    public IReadOnlyList<string> RequiredFor { get; init; } = [];

    /// <summary>Tasks the key applies to; empty = all. Copied from <see cref="OptionDescriptor.Tasks"/>.</summary>
    public IReadOnlyList<TaskKind> Tasks { get; init; } = [];

    /// <summary>A trainer or preprocessing option descriptor as a key (same bounds, default and meaning).</summary>
    public static SpecKey FromOption(OptionDescriptor option)
    {
        ArgumentNullException.ThrowIfNull(option);
        var kind = option.Kind switch
        {
            OptionKind.Int => SpecValueKind.Int,
            OptionKind.Float => SpecValueKind.Float,
            OptionKind.Bool => SpecValueKind.Bool,
            OptionKind.String => SpecValueKind.String,
            OptionKind.Enum => SpecValueKind.Enum,
            OptionKind.IntList => SpecValueKind.IntList,
            OptionKind.FloatList => SpecValueKind.FloatList,
            _ => throw new ArgumentOutOfRangeException(nameof(option), option.Kind, "Unknown option kind."),
        };

        return new SpecKey(option.Name, kind, option.Default, option.Description)
        {
            Nullable = option.Nullable,
            Min = option.Min,
            Max = option.Max,
            MinExclusive = option.MinExclusive,
            MaxExclusive = option.MaxExclusive,
            Allowed = option.Allowed,
            Tasks = option.Tasks,
        };
    }
}
