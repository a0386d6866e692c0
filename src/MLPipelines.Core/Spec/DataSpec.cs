namespace MLPipelines.Core.Spec;

/// <summary>The <c>data:</c> section: which file, which label, which task, schema overrides.</summary>
public sealed class DataSpec
{
    /// <summary>Absolute path of the CSV/TSV file (written relative to the YAML file).</summary>
    public string Path { get; set; } = "";

    /// <summary>Label column name.</summary>
    public string Label { get; set; } = "";

    /// <summary>Task; null until inferred from the label column (resolved specs always have it).</summary>
    public TaskKind? Task { get; set; }

    /// <summary>Transform of a regression label: <c>none</c> or <c>log</c> (natural log, predictions mapped back).</summary>
    public LabelTransform LabelTransform { get; set; } = LabelTransform.None;

    /// <summary>Field separator; <c>null</c> = detect from the header line (comma, tab, semicolon).</summary>
    public char? Separator { get; set; }

    /// <summary>Field values read as missing (besides an empty field). Default <c>NA</c>, <c>?</c>.</summary>
    public List<string> MissingValues { get; set; } = ["", "NA", "?"];

    /// <summary>Overrides of schema inference.</summary>
    public ColumnOverrides Columns { get; set; } = new();
}

/// <summary>Regression label transforms.</summary>
public enum LabelTransform
{
    None,
    Log,
}

/// <summary>The <c>data.columns</c> overrides of schema inference.</summary>
public sealed class ColumnOverrides
{
    public List<string> Ignore { get; set; } = [];

    public List<string> Categorical { get; set; } = [];

    public List<string> Numeric { get; set; } = [];
}
