using Microsoft.ML;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Trainers;

/// <summary>What the runner tells a trainer about one fit.</summary>
public sealed class TrainerContext
{
    public required MLContext MLContext { get; init; }

    public required TaskKind Task { get; init; }

    /// <summary>Label column name in the data the estimator sees.</summary>
    public string LabelColumn { get; init; } = "Label";

    /// <summary>Feature vector column name in the data the estimator sees.</summary>
    public string FeatureColumn { get; init; } = "Features";

    /// <summary>Number of classes (multiclass and binary); 0 for regression.</summary>
    public int ClassCount { get; init; }

    /// <summary>Seed for this fit, derived from the run seed (same for every model of a fold).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// For image data: the shape of one image, so an image trainer (the CNN) can view the flattened
    /// <see cref="FeatureColumn"/> vector (length <c>C * H * W</c>, laid out <c>[C, H, W]</c>, pixels in [0, 1])
    /// as images. Null for tabular data, and when preprocessing (e.g. pca) has replaced the pixels.
    /// </summary>
    public ImageShape? Image { get; init; }

    /// <summary>True when the model's preprocessing already normalizes numeric features.</summary>
    public bool FeaturesNormalized { get; init; }

    /// <summary>Where the trainer records learning curves and notes for this fit; kept in results.json.</summary>
    public TrainingLog Log { get; init; } = new();

    public CancellationToken Cancellation { get; init; }
}
