namespace MLPipelines.Spec;

/// <summary>The <c>data.columns</c> overrides of schema inference. A column may appear in at most one list.</summary>
public sealed class ColumnOverrides
{
    /// <summary>Columns dropped before training (ids, leaks, free text). The label cannot be ignored.</summary>
    public List<string> Ignore { get; set; } = [];

    /// <summary>Columns treated as categorical even when their values look numeric (e.g. zip codes).</summary>
    public List<string> Categorical { get; set; } = [];

    /// <summary>Columns treated as numeric; a value that does not parse is a data error naming row and column.</summary>
    public List<string> Numeric { get; set; } = [];
}
