namespace MLPipelines.Core.Spec;

/// <summary>The <c>data:</c> section: which file, which label, which task, how to read it, schema overrides.</summary>
public sealed class DataSpec
{
    /// <summary>Absolute path of the CSV/TSV file (written relative to the YAML file, resolved when loading).</summary>
    public string Path { get; set; } = "";

    /// <summary>Label column name.</summary>
    public string Label { get; set; } = "";

    /// <summary>
    /// Task; null until inferred from the label column. <see cref="SpecLoader.ResolveTask"/> sets it and fills the
    /// task-dependent defaults, so a written <c>resolved.yaml</c> always has it.
    /// </summary>
    public TaskKind? Task { get; set; }

    /// <summary>Transform of a regression label: <c>none</c> or <c>log</c> (natural log, predictions mapped back).</summary>
    public LabelTransform LabelTransform { get; set; } = LabelTransform.None;

    /// <summary>Field separator; <c>null</c> (YAML <c>auto</c>) = detect from the header line (comma, tab, semicolon).</summary>
    public char? Separator { get; set; }

    /// <summary>
    /// Field values read as missing, compared after trimming surrounding spaces. An empty field is always missing,
    /// listed or not. Default <c>""</c>, <c>NA</c>, <c>?</c>.
    /// </summary>
    public List<string> MissingValues { get; set; } = ["", "NA", "?"];

    /// <summary>Overrides of schema inference.</summary>
    public ColumnOverrides Columns { get; set; } = new();
}
