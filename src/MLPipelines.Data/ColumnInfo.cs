namespace MLPipelines.Data;

/// <summary>One column of a data file as schema inference saw it, with a short summary for <c>mlpipe describe</c>.</summary>
public sealed record ColumnInfo
{
    public required string Name { get; init; }

    /// <summary>0-based position in the file.</summary>
    public required int Index { get; init; }

    public required ColumnKind Kind { get; init; }

    /// <summary>Why the column got its kind.</summary>
    public required string Reason { get; init; }

    /// <summary>Missing values (empty or a missing token).</summary>
    public int Missing { get; init; }

    /// <summary>Distinct non-missing values (trimmed text).</summary>
    public int Distinct { get; init; }

    /// <summary>True when the model reads the column as a float (numbers, 0/1 booleans); false when as text.</summary>
    public bool IsNumberInFile { get; init; }

    /// <summary>Boolean text columns: the token read as 1 (compared case-insensitively).</summary>
    public string? TrueToken { get; init; }

    /// <summary>Boolean text columns: the token read as 0.</summary>
    public string? FalseToken { get; init; }

    /// <summary>Numeric columns: smallest, mean, largest non-missing value.</summary>
    public (double Min, double Mean, double Max)? Range { get; init; }

    /// <summary>Numeric columns: sample standard deviation of the non-missing values.</summary>
    public double? Std { get; init; }

    /// <summary>Most frequent values with their counts (up to five), for summaries.</summary>
    public IReadOnlyList<(string Value, int Count)> Top { get; init; } = [];

    /// <summary>True for columns that become model features.</summary>
    public bool IsFeature => Kind is ColumnKind.Numeric or ColumnKind.Categorical or ColumnKind.Boolean;
}
