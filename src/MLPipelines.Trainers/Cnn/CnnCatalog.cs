using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// The <c>Cnn</c> trainer in ML.NET's multiclass catalog: <c>mlContext.MulticlassClassification.Trainers.Cnn(...)</c>,
/// with a simple overload and a <see cref="CnnOptions"/> overload.
/// </summary>
/// <example>
/// <code>
/// // Features: each image's pixels as a float vector [C * H * W] (channel-major), e.g. 784 values for 28x28 grayscale.
/// var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
///     .Append(ml.MulticlassClassification.Trainers.Cnn(imageShape: [1, 28, 28], epochs: 15));
/// var model = pipeline.Fit(train);
/// ml.Model.Save(model, train.Schema, "model.zip");  // the network travels as ONNX inside the zip
/// </code>
/// </example>
public static class CnnCatalog
{
    /// <summary>
    /// Multiclass CNN on images: <c>Score</c> (class probabilities), key <c>PredictedLabel</c>. Label: a key type;
    /// features: the pixels of each image as a known-size float vector laid out <c>[C, H, W]</c>.
    /// </summary>
    /// <param name="catalog">The multiclass trainers catalog.</param>
    /// <param name="labelColumnName">Key label column.</param>
    /// <param name="featureColumnName">Pixel vector column.</param>
    /// <param name="imageShape"><c>[channels, height, width]</c>; null = inferred from the vector length (square images, 1 or 3 channels).</param>
    /// <param name="architecture">Preset: <c>default</c>, <c>reference</c> or <c>small</c>; null = <c>default</c>.</param>
    /// <param name="epochs">Passes over the images; null = 15.</param>
    /// <param name="learningRate">Peak learning rate; null = 3e-3.</param>
    public static CnnTrainer Cnn(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int[]? imageShape = null,
        string? architecture = null, int? epochs = null, double? learningRate = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var options = new CnnOptions { LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName, ImageShape = imageShape };
        options.Architecture = architecture ?? options.Architecture;
        options.Epochs = epochs ?? options.Epochs;
        options.LearningRate = learningRate ?? options.LearningRate;
        return Create(options);
    }

    /// <summary>Multiclass CNN with every option.</summary>
    public static CnnTrainer Cnn(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, CnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(options);
    }

    /// <summary>
    /// ML.NET keeps a catalog's environment internal, so the scoring transforms are built in a context of their own
    /// (they hold no state of it; they save and load like any other transform).
    /// </summary>
    private static CnnTrainer Create(CnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CnnTrainer(ScratchFiles.Context(0), options, options.LabelColumnName, options.FeatureColumnName, new NetworkFitHooks { Seed = 0 });
    }
}
