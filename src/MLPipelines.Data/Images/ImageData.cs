using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

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

    /// <summary>
    /// For <c>test_set</c>: the training and test images in one dataset (training rows first), with the row
    /// indices of each, so a runner that scores splits of one view handles the test set as one more split.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no test set.</exception>
    public (ImageDataset All, int[] TrainRows, int[] TestRows) CombineForTestSet()
    {
        var test = Test ?? throw new InvalidOperationException("The data has no test set (data.test).");
        var all = ImageDataset.Concat(Train, test);
        return (all, [.. Enumerable.Range(0, Train.Count)], [.. Enumerable.Range(Train.Count, test.Count)]);
    }
}
