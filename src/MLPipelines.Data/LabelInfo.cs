using MLPipelines.Results;

namespace MLPipelines.Data;

/// <summary>
/// The label after reading: the task, the classes in key order, and one encoded value per kept row
/// (binary: <see cref="bool"/>, true = <see cref="PositiveClass"/>; multiclass: 0-based class index;
/// regression: the value after <see cref="Transform"/>).
/// </summary>
public sealed class LabelInfo
{
    public required TaskKind Task { get; init; }

    /// <summary>Class names in key order (classification); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Binary only: the class predicted as <c>true</c>.</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Binary only: the other class.</summary>
    public string? NegativeClass { get; init; }

    /// <summary><c>log</c> means regression values are natural logs of the file's values.</summary>
    public Spec.LabelTransform Transform { get; init; }

    /// <summary>Rows of the file (0-based) that have a label, in file order.</summary>
    public required int[] Rows { get; init; }

    /// <summary>Classification: class index per kept row (binary: 1 = positive).</summary>
    public int[] ClassIndex { get; init; } = [];

    /// <summary>Regression: label per kept row, transformed.</summary>
    public float[] Values { get; init; } = [];

    /// <summary>Original label text per kept row, as in the file (trimmed).</summary>
    public required string[] Original { get; init; }

    /// <summary>Rows dropped because the label was missing.</summary>
    public int DroppedMissing { get; init; }

    /// <summary>How the task was decided (e.g. "data.task", "inferred: 2 distinct values").</summary>
    public string TaskReason { get; init; } = "";

    /// <summary>Number of classes (2 for binary, 0 for regression).</summary>
    public int ClassCount => Task == TaskKind.Regression ? 0 : Classes.Count;
}
