namespace MLPipelines.Core.Results;

/// <summary>The <c>dataset</c> block of <c>results.json</c>: what was read and how it was interpreted.</summary>
public sealed record DatasetResult
{
    /// <summary>Data file path as written in the spec (resolved against the spec's folder when relative).</summary>
    public required string Path { get; init; }

    /// <summary>Rows used (after dropping rows whose label is missing).</summary>
    public required int Rows { get; init; }

    /// <summary>Input columns used as features (before one-hot expansion).</summary>
    public required int Features { get; init; }

    /// <summary>Label column name.</summary>
    public string Label { get; init; } = "";

    /// <summary>Class labels in the order of probability columns (classification); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Rows per class, same order as <see cref="Classes"/>.</summary>
    public IReadOnlyList<int> ClassCounts { get; init; } = [];

    /// <summary>The class scored as positive (binary only).</summary>
    public string? PositiveClass { get; init; }

    /// <summary><c>none</c> or <c>log</c>; with <c>log</c>, regression metrics are on the log scale.</summary>
    public string LabelTransform { get; init; } = "none";

    /// <summary>Rows dropped because their label was missing.</summary>
    public int RowsDroppedMissingLabel { get; init; }

    /// <summary>Every column of the file with its inferred role.</summary>
    public IReadOnlyList<ColumnResult> Columns { get; init; } = [];
}

/// <summary>One column of the data file as schema inference saw it.</summary>
public sealed record ColumnResult
{
    public required string Name { get; init; }

    /// <summary><c>label</c>, <c>numeric</c>, <c>categorical</c>, <c>boolean</c>, <c>text</c> (ignored), <c>constant</c> (ignored), <c>ignored</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Missing values in the column (over all rows read).</summary>
    public int Missing { get; init; }

    /// <summary>Distinct non-missing values (capped at the inference limit).</summary>
    public int Distinct { get; init; }

    /// <summary>Why the column got its kind (e.g. "all values parse as numbers", "override: data.columns.ignore").</summary>
    public string Reason { get; init; } = "";
}
