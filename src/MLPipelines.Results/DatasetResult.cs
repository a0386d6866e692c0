using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace MLPipelines.Results;

/// <summary>The <c>dataset</c> block of <c>results.json</c>: what was read and how it was interpreted.</summary>
public sealed record DatasetResult
{
    /// <summary>
    /// Data file path as written in the spec (resolved against the spec's folder when relative); for images, the
    /// training images (IDX images file, class folder root or pixel CSV).
    /// </summary>
    public required string Path { get; init; }

    /// <summary>Rows the models were evaluated on: labelled rows (tabular), training images (images; test images are in <see cref="Images"/>).</summary>
    public required int Rows { get; init; }

    /// <summary>Input columns used as features (before one-hot expansion); for images C·H·W pixel values.</summary>
    public required int Features { get; init; }

    /// <summary><c>tabular</c> or <c>images</c>.</summary>
    public string Kind { get; init; } = "tabular";

    /// <summary>Label column name (tabular and pixel CSV); empty for IDX files and class folders.</summary>
    public string Label { get; init; } = "";

    /// <summary>Class labels in the order of probability columns (classification); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Rows per class, same order as <see cref="Classes"/> (images: the training set).</summary>
    public IReadOnlyList<int> ClassCounts { get; init; } = [];

    /// <summary>The class scored as positive (binary only): the <c>probability</c> column of the predictions is P(this class).</summary>
    public string? PositiveClass { get; init; }

    /// <summary><c>none</c> or <c>log</c>; with <c>log</c>, regression metrics are on the log scale.</summary>
    public string LabelTransform { get; init; } = "none";

    /// <summary>Rows dropped because their label was missing.</summary>
    public int RowsDroppedMissingLabel { get; init; }

    /// <summary>Regression only: summary of the label values (on the file's scale); null otherwise.</summary>
    public NumericSummaryResult? LabelSummary { get; init; }

    /// <summary>Every column of the file with its inferred role and a summary; empty for images.</summary>
    public IReadOnlyList<ColumnResult> Columns { get; init; } = [];

    /// <summary>Image data only: files, shape, test set, skipped files; null for tabular data.</summary>
    public ImageDatasetResult? Images { get; init; }
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

    /// <summary>Columns whose every present value is a number: min, mean, std, max; null otherwise.</summary>
    public NumericSummaryResult? Numeric { get; init; }

    /// <summary>Most frequent values (up to five) with their counts, most frequent first.</summary>
    public IReadOnlyList<ValueCountResult> Top { get; init; } = [];
}

/// <summary>Summary of numbers: smallest, mean, sample standard deviation, largest (missing values left out).</summary>
public sealed record NumericSummaryResult(double Min, double Mean, double Std, double Max);

/// <summary>
/// A value of a column and how many rows hold it. Both are required when read, and the value cannot be null, so a
/// damaged <c>results.json</c> is refused as unreadable (<see cref="JsonException"/>) rather than failing in a report.
/// </summary>
public sealed record ValueCountResult
{
    private readonly string _value = "";

    public ValueCountResult()
    {
    }

    [SetsRequiredMembers]
    public ValueCountResult(string value, int count)
    {
        Value = value;
        Count = count;
    }

    public required string Value
    {
        get => _value;
        init => _value = value ?? throw new JsonException("a column's top value is null");
    }

    public required int Count { get; init; }
}

/// <summary>The image part of the <c>dataset</c> block.</summary>
public sealed record ImageDatasetResult
{
    /// <summary><c>idx</c>, <c>folders</c> or <c>csv_pixels</c>.</summary>
    public required string Format { get; init; }

    /// <summary>Training images as written in the spec (resolved): IDX images file, folder root or pixel CSV.</summary>
    public required string Train { get; init; }

    /// <summary>IDX only: the training labels file.</summary>
    public string? TrainLabels { get; init; }

    /// <summary>Test images (<c>data.test</c>), or null when the training set is split.</summary>
    public string? Test { get; init; }

    /// <summary>IDX only: the test labels file.</summary>
    public string? TestLabels { get; init; }

    /// <summary>Training images read.</summary>
    public required int TrainImages { get; init; }

    /// <summary>Test images read (0 without a test set).</summary>
    public int TestImages { get; init; }

    /// <summary>Test images per class, same order as <see cref="DatasetResult.Classes"/>; empty without a test set.</summary>
    public IReadOnlyList<int> TestClassCounts { get; init; } = [];

    /// <summary>Channels (1 gray, 3 RGB).</summary>
    public required int Channels { get; init; }

    public required int Height { get; init; }

    public required int Width { get; init; }

    /// <summary>Image files left out as unreadable (<c>skip_unreadable: true</c>), both sets.</summary>
    public int Skipped { get; init; }

    /// <summary>The first skipped files (up to 20) with the reason.</summary>
    public IReadOnlyList<SkippedFileResult> SkippedFiles { get; init; } = [];
}

/// <summary>An image file that was left out, and why.</summary>
public sealed record SkippedFileResult(string Path, string Reason);
