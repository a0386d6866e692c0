namespace MLPipelines.Core.Images;

/// <summary>
/// The images a pipeline learns from: a training set and, for <c>evaluation.method: test_set</c>, a test set with
/// the same shape and class list (label k is the same class in both).
/// </summary>
public sealed class ImageData
{
    internal ImageData(ImageDataset train, ImageDataset? test, TaskKind task)
    {
        Train = train;
        Test = test;
        Task = task;
    }

    /// <summary>The training images (for kfold and holdout, the images that are split).</summary>
    public ImageDataset Train { get; }

    /// <summary>The separate test images; null without <c>data.test</c>.</summary>
    public ImageDataset? Test { get; }

    /// <summary>Binary (two classes) or multiclass: written in the spec, or inferred from the number of classes.</summary>
    public TaskKind Task { get; }

    /// <summary>Shape of every image (training and test).</summary>
    public ImageShape Shape => Train.Shape;

    /// <summary>Class names shared by both sets.</summary>
    public IReadOnlyList<string> Classes => Train.Classes;

    /// <summary>Image files left out as unreadable, training set first.</summary>
    public IReadOnlyList<SkippedImage> Skipped => [.. Train.Skipped, .. Test?.Skipped ?? []];

    /// <summary>Warnings of both readers, training set first.</summary>
    public IReadOnlyList<string> Warnings => [.. Train.Warnings, .. Test?.Warnings ?? []];
}
