using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

/// <summary>
/// Labelled images in memory, ready for training: every image has the same <see cref="Shape"/>, its pixels scaled to
/// [0, 1] (divided by the format's largest value: 255 for IDX and image files, <c>pixel_max</c> for CSV pixels) and
/// stored flattened <c>[C, H, W]</c>, one image after another, in one contiguous array (60,000 Fashion-MNIST images
/// take 188 MB). Labels are class indices into <see cref="Classes"/>. Normalization beyond [0, 1] (per-channel mean
/// and standard deviation) is left to trainers, which fit it on their training rows only.
/// </summary>
/// <remarks>Built by <see cref="IdxReader"/>, <see cref="ImageFolderReader"/> and <see cref="CsvPixelReader"/>.</remarks>
public sealed class ImageDataset
{
    private readonly float[] _pixels;
    private readonly int[] _labels;
    private readonly Func<int, string> _sourceOf;

    internal ImageDataset(
        string origin,
        ImageShape shape,
        float[] pixels,
        int[] labels,
        IReadOnlyList<string> classes,
        Func<int, string> sourceOf,
        IReadOnlyList<SkippedImage>? skipped = null,
        IReadOnlyList<string>? warnings = null)
    {
        if (pixels.Length != (long)labels.Length * shape.Size)
        {
            throw new ArgumentException(
                $"{labels.Length} images of {shape} need {(long)labels.Length * shape.Size} pixel values, got {pixels.Length}.", nameof(pixels));
        }

        Origin = origin;
        Shape = shape;
        _pixels = pixels;
        _labels = labels;
        Classes = classes;
        _sourceOf = sourceOf;
        Skipped = skipped ?? [];
        Warnings = warnings ?? [];
    }

    /// <summary>Where the images came from, as written in the spec (an IDX file, a folder, a CSV file).</summary>
    public string Origin { get; }

    /// <summary>Shape of every image.</summary>
    public ImageShape Shape { get; }

    /// <summary>Number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>Class names; label k names class <c>Classes[k]</c>. Folder names, CSV label values, or IDX label numbers (or <c>data.classes</c>).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Class index (0-based) of each image.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>Every pixel value, image after image (<see cref="Count"/> x <see cref="ImageShape.Size"/>).</summary>
    public ReadOnlyMemory<float> Pixels => _pixels;

    /// <summary>Image files left out as unreadable (<c>skip_unreadable: true</c>); empty otherwise.</summary>
    public IReadOnlyList<SkippedImage> Skipped { get; }

    /// <summary>Things a user should know that did not stop the load (e.g. a class with no images, stray files).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The flattened pixels of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> GetImage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _pixels.AsSpan(index * Shape.Size, Shape.Size);
    }

    /// <summary>Where image <paramref name="index"/> came from, for messages: a file path, or a file and an image index or row.</summary>
    public string SourceOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _sourceOf(index);
    }

    /// <summary>Images per class, indexed like <see cref="Classes"/>.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes.Count];
        foreach (var label in _labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>
    /// An ML.NET view of every image: <c>Label</c> (multiclass: key type over <see cref="Classes"/>; binary: boolean,
    /// true for <c>Classes[1]</c>) and <c>Features</c> (the flattened pixels, a float vector of
    /// <see cref="ImageShape.Size"/>). The view reads this dataset's arrays; nothing is copied.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="task"/> is regression, or binary with other than two classes.</exception>
    public ImageDataView ToDataView(TaskKind task = TaskKind.Multiclass) => new(this, task, null);

    /// <summary>
    /// The same images with a longer class list (the first <see cref="Classes"/>.Count names must be the same), so a
    /// training and a test set read separately share one class list.
    /// </summary>
    internal ImageDataset WithClasses(IReadOnlyList<string> classes)
    {
        if (classes.Count < Classes.Count || !classes.Take(Classes.Count).SequenceEqual(Classes, StringComparer.Ordinal))
        {
            throw new ArgumentException("The new class list must extend the current one.", nameof(classes));
        }

        return new ImageDataset(Origin, Shape, _pixels, _labels, classes, _sourceOf, Skipped, Warnings);
    }

    /// <summary>
    /// <paramref name="first"/>'s images followed by <paramref name="second"/>'s, in one dataset (same shape and
    /// classes), so a training and a test set can be scored through one view: the first set is rows
    /// <c>0..first.Count-1</c>, the second the rows after them. Copies the pixels once.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes or class lists differ.</exception>
    public static ImageDataset Concat(ImageDataset first, ImageDataset second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Shape != second.Shape || !first.Classes.SequenceEqual(second.Classes, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Cannot join images of {first.Shape} with {second.Shape}, or different class lists.", nameof(second));
        }

        var count = first.Count;
        return new ImageDataset(
            $"{first.Origin} + {second.Origin}",
            first.Shape,
            [.. first._pixels, .. second._pixels],
            [.. first._labels, .. second._labels],
            first.Classes,
            i => i < count ? first._sourceOf(i) : second._sourceOf(i - count),
            [.. first.Skipped, .. second.Skipped],
            [.. first.Warnings, .. second.Warnings]);
    }

    /// <summary>
    /// The labels in the shape the tabular runner's metrics and prediction files use: every image is a kept row,
    /// <c>ClassIndex</c> the class per image (binary: 1 = <c>Classes[1]</c>, the positive class) and
    /// <c>Original</c> the class name per image.
    /// </summary>
    /// <exception cref="ArgumentException">Regression, or binary with other than two classes.</exception>
    public Data.LabelInfo ToLabelInfo(TaskKind task, string taskReason = "")
    {
        if (task == TaskKind.Regression || (task == TaskKind.Binary && Classes.Count != 2))
        {
            throw new ArgumentException($"Images with {Classes.Count} classes cannot be labelled for a {task} task.", nameof(task));
        }

        return new Data.LabelInfo
        {
            Task = task,
            Classes = Classes,
            PositiveClass = task == TaskKind.Binary ? Classes[1] : null,
            NegativeClass = task == TaskKind.Binary ? Classes[0] : null,
            Rows = [.. Enumerable.Range(0, Count)],
            ClassIndex = (int[])_labels.Clone(),
            Original = [.. _labels.Select(k => Classes[k])],
            TaskReason = taskReason.Length > 0 ? taskReason : $"{Classes.Count} classes",
        };
    }

    internal float[] PixelArray => _pixels;

    internal int[] LabelArray => _labels;
}
