using System.Collections;
using System.Globalization;
using System.Text;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec;

/// <summary>
/// Generates the key-by-key reference of the pipeline format (Markdown tables: key, type, default, meaning) from
/// the descriptors the loader validates against, for the generated part of <c>pipelines/FORMAT.md</c>. The prose
/// around it is written by hand; the part between <see cref="BeginMarker"/> and <see cref="EndMarker"/> is not.
/// </summary>
public static class FormatReferenceWriter
{
    /// <summary>Line that opens the generated part of FORMAT.md.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED REFERENCE (FormatReferenceWriter; do not edit by hand) -->";

    /// <summary>Line that closes the generated part of FORMAT.md.</summary>
    public const string EndMarker = "<!-- END GENERATED REFERENCE -->";

    /// <summary>The reference for the format with the trainers of <paramref name="registry"/>.</summary>
    public static string ToMarkdown(ITrainerCatalog registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var md = new StringBuilder();
        Section(md, "Top level", SpecFormat.Root);
        Section(md, "`data`", SpecFormat.Data.Children);
        Section(md, "`data.columns`", SpecFormat.Data.Children.Single(k => k.Name == "columns").Children);
        Section(md, "`data.image`", SpecFormat.Image.Children);
        Section(md, "`data.train` and `data.test` with `format: idx`", SpecFormat.ImageSetKeys);
        Section(md, "`evaluation`", SpecFormat.Evaluation.Children);
        Section(md, "`tuning` (and a model's `tune` mapping)", TuningFormat.TuneKeys);
        foreach (var section in TuningFormat.Keys.Where(k => k.Children.Count > 0))
        {
            Section(md, $"`tuning.{section.Name}`", section.Children);
        }

        Section(md, "`report`", SpecFormat.Report.Children);
        Section(md, "`models[]` entries", SpecFormat.ModelKeys);

        Section(md, "Experiment files: top level", Experiments.ExperimentFormat.Root);
        Section(md, "Experiment files: `evaluation`", Experiments.ExperimentFormat.Evaluation.Children);
        Section(md, "Experiment files: `datasets[]` entries (or a bare pipeline file path)", Experiments.ExperimentFormat.DatasetKeys);
        Section(md, "Experiment files: `report`", Experiments.ExperimentFormat.Report.Children);

        md.Append("### Metrics\n\n| Task | Metrics | Default primary metric |\n|---|---|---|\n");
        foreach (var task in Enum.GetValues<TaskKind>())
        {
            var metrics = string.Join(", ", TaskMetrics.For(task).Select(m => $"`{m}`"));
            md.Append(CultureInfo.InvariantCulture, $"| `{YamlNames.Of(task)}` | {metrics} | `{TaskMetrics.DefaultFor(task)}` |\n");
        }

        md.Append("\n### Preprocessing steps\n\n");
        foreach (var kind in PreprocessingCatalog.Kinds)
        {
            md.Append(CultureInfo.InvariantCulture, $"#### `{kind}`\n\n{Cell(PreprocessingCatalog.DescriptionOf(kind))}\n\n");
            Table(md, "Option", [.. PreprocessingCatalog.OptionsOf(kind).Select(SpecKey.FromOption)]);
        }

        md.Append("### Trainers\n\n");
        if (registry.Names.Count == 0)
        {
            md.Append("No trainers are registered in this build.\n\n");
        }

        foreach (var plugin in registry.Declarations)
        {
            var tasks = string.Join(", ", plugin.Tasks.Select(YamlNames.Of));
            md.Append(CultureInfo.InvariantCulture, $"#### `{plugin.Name}`\n\n{Cell(plugin.Description)} Family: `{plugin.Family}`; tasks: {tasks}.\n\n");
            if (plugin.Options.Count == 0)
            {
                md.Append("No options.\n\n");
                continue;
            }

            Table(md, "Option", [.. plugin.Options.Select(SpecKey.FromOption)]);
        }

        SearchSpaces(md, registry);
        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// <paramref name="document"/> with the text between the markers replaced by <see cref="ToMarkdown"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The document lacks the markers.</exception>
    public static string ReplaceGenerated(string document, ITrainerCatalog registry)
    {
        ArgumentNullException.ThrowIfNull(document);
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new ArgumentException($"The document has no '{BeginMarker}' ... '{EndMarker}' region.", nameof(document));
        }

        var start = begin + BeginMarker.Length;
        return $"{document[..start]}\n\n{ToMarkdown(registry)}\n{document[end..]}";
    }

    /// <summary>Each trainer's built-in space (what <c>tune: true</c> searches), every range with its source.</summary>
    private static void SearchSpaces(StringBuilder md, ITrainerCatalog registry)
    {
        md.Append("### Search spaces\n\n`tune: true` searches the trainer's built-in space below; `tune: {space: ...}` replaces it. Successive halving scales the resource option.\n\n");
        foreach (var plugin in registry.Declarations)
        {
            if (plugin.DefaultSearchSpace is not { } space)
            {
                md.Append(CultureInfo.InvariantCulture, $"#### `{plugin.Name}`\n\nNo built-in space: give `tune.space`.\n\n");
                continue;
            }

            var resource = plugin.ResourceOption is { } option ? $"Resource for successive halving: `{option}`." : "No resource option: random search only.";
            md.Append(CultureInfo.InvariantCulture, $"#### `{plugin.Name}`\n\n{resource}\n\n| Option | Distribution | Why |\n|---|---|---|\n");
            foreach (var dimension in space.Dimensions)
            {
                md.Append(CultureInfo.InvariantCulture, $"| `{dimension.Name}` | `{Cell(dimension.Distribution.ToString())}` | {Cell(dimension.Source)} |\n");
            }

            md.Append('\n');
        }
    }

    private static void Section(StringBuilder md, string title, IReadOnlyList<SpecKey> keys)
    {
        md.Append(CultureInfo.InvariantCulture, $"### {title}\n\n");
        Table(md, "Key", keys);
    }

    private static void Table(StringBuilder md, string first, IReadOnlyList<SpecKey> keys)
    {
        md.Append(CultureInfo.InvariantCulture, $"| {first} | Type | Default | Meaning |\n|---|---|---|---|\n");
        foreach (var key in keys)
        {
            var meaning = key.Description;
            if (key.Tasks.Count > 0)
            {
                meaning += $" Only for {string.Join(" and ", key.Tasks.Select(YamlNames.Of))}.";
            }

            if (key.DataFormats.Count > 0)
            {
                meaning += $" Data: {FormatsText(key.DataFormats)}.";
            }

            md.Append(CultureInfo.InvariantCulture, $"| `{key.Name}` | {Cell(TypeText(key))} | {Cell(DefaultText(key))} | {Cell(meaning)} |\n");
        }

        md.Append('\n');
    }

    private static string TypeText(SpecKey key)
    {
        var range = key is { Min: { } min, Max: { } max, MinExclusive: false, MaxExclusive: false } && min == max
            ? $"exactly {min.ToString(CultureInfo.InvariantCulture)}"
            : ValueReader.RangeText(key);
        var text = key.Kind switch
        {
            SpecValueKind.Int => "integer",
            SpecValueKind.Float => "number",
            SpecValueKind.Bool => "`true` / `false`",
            SpecValueKind.String when key.Pattern is not null => $"name: {key.PatternHint}",
            SpecValueKind.String => "string",
            SpecValueKind.Enum => string.Join(" / ", key.Allowed.Select(a => $"`{a}`")),
            SpecValueKind.IntList => "list of integers",
            SpecValueKind.FloatList => "list of numbers",
            SpecValueKind.StringList => "list of strings",
            SpecValueKind.EnumList => $"list of {string.Join(", ", key.Allowed.Select(a => $"`{a}`"))}",
            SpecValueKind.Section => "mapping",
            SpecValueKind.Steps => "list of steps",
            SpecValueKind.Models => "list of models",
            SpecValueKind.ImageSet => "path, or `{images, labels}` for idx",
            SpecValueKind.Datasets => "list of datasets",
            SpecValueKind.Tune => "`true` / `false`, or mapping",
            SpecValueKind.SearchSpace => "mapping of option: distribution",
            _ => key.Kind.ToString(),
        };
        if (range.Length > 0)
        {
            text += $", {range}";
        }

        return key.Nullable ? $"{text}, or `null`" : text;
    }

    /// <summary>Kinds of data as prose: <c>tabular</c>, <c>images</c> (all formats) or <c>idx</c>, <c>folders</c>, ...</summary>
    private static string FormatsText(IReadOnlyList<string> formats)
    {
        var images = formats.Where(f => f != SpecFormat.Tabular).ToList();
        var parts = new List<string>();
        if (formats.Contains(SpecFormat.Tabular))
        {
            parts.Add("tabular");
        }

        if (images.Count == SpecFormat.DataFormats.Count - 1)
        {
            parts.Add("images");
        }
        else
        {
            parts.AddRange(images.Select(f => $"`{f}`"));
        }

        return string.Join(", ", parts);
    }

    private static string DefaultText(SpecKey key) => key switch
    {
        { Required: true } => "required",
        { RequiredFor.Count: > 0 } => $"required for {FormatsText(key.RequiredFor)}",
        { Kind: SpecValueKind.Section } => "",
        { Default: null, Nullable: true } => "`null` (automatic)",
        { Default: null, Kind: SpecValueKind.ImageSet } => "none",
        { Default: null } => "see meaning",
        _ => $"`{Literal(key.Default)}`",
    };

    private static string Literal(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        string text => ResolvedSpecWriter.IsSafePlain(text) ? text : $"\"{text}\"",
        double number => ScalarValue.FormatDouble(number),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Literal))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
