namespace MLPipelines.Data;

/// <summary>Every column of a data file with its inferred role, plus warnings worth showing the user.</summary>
public sealed class DataSchema
{
    public DataSchema(IReadOnlyList<ColumnInfo> columns, IReadOnlyList<string> warnings)
    {
        Columns = columns;
        Warnings = warnings;
    }

    /// <summary>All columns in file order.</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>Columns that become features, in file order.</summary>
    public IReadOnlyList<ColumnInfo> Features => [.. Columns.Where(c => c.IsFeature)];

    /// <summary>The label column, if one was named.</summary>
    public ColumnInfo? Label => Columns.FirstOrDefault(c => c.Kind == ColumnKind.Label);

    public IReadOnlyList<string> Warnings { get; }

    public ColumnInfo this[string name] => Columns.First(c => c.Name == name);
}
