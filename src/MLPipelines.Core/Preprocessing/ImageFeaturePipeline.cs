using Microsoft.ML;
using MLPipelines.Core.Preprocessing.Steps;
using MLPipelines.Data.Images;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// The preprocessing of image data as ML.NET estimators on the <c>Features</c> column (the flattened pixels), fitted
/// on each split's training rows only: <c>normalize</c> rescales every pixel position with training statistics
/// (minmax, zscore, robust, log_zscore, as for tabular data), <c>pca</c> replaces the pixels by their first
/// principal components. With no steps (the default for images) the trainers see the pixels in [0, 1].
/// </summary>
public sealed class ImageFeaturePipeline
{
    private ImageFeaturePipeline(IEstimator<ITransformer> estimator, bool normalized, IReadOnlyList<string> steps, ImageShape? shape, int featureCount)
    {
        Estimator = estimator;
        Normalized = normalized;
        Steps = steps;
        Shape = shape;
        FeatureCount = featureCount;
    }

    /// <summary>The estimator; it reads and rewrites <see cref="ImageDataView.FeatureColumn"/>.</summary>
    public IEstimator<ITransformer> Estimator { get; }

    /// <summary>True when a <c>normalize</c> step runs (tells neural trainers not to normalize again).</summary>
    public bool Normalized { get; }

    /// <summary>One line per step, for results.json and reports (e.g. <c>normalize method=zscore</c>).</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>The image shape the trainer sees (for <c>TrainerContext.Image</c>); null after <c>pca</c>, whose output is no image.</summary>
    public ImageShape? Shape { get; }

    /// <summary>Length of the feature vector after the steps.</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// Builds the steps (already validated by the spec loader: image data allows normalize and pca only).
    /// <paramref name="stepsKey"/> (e.g. <c>models[1].preprocessing</c>) names the key of a data-dependent error
    /// such as too many PCA components.
    /// </summary>
    /// <exception cref="DataFileException">More principal components asked for than there are pixels (keyed, see <see cref="DataFileException.ForKey"/>).</exception>
    public static ImageFeaturePipeline Build(
        MLContext ml, IReadOnlyList<PreprocessingStepSpec> steps, ImageShape shape, string stepsKey)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(shape);
        var features = new ImageFeatures(ml, shape);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (!PreprocessingSteps.Images.TryGetValue(step.Kind, out var build))
            {
                throw new ArgumentException($"Step '{step.Kind}' does not apply to image data; the spec loader rejects it.", nameof(steps));
            }

            build.Apply(features, PreprocessingCatalog.Bind(step), new StepSite($"{stepsKey}[{i}]"));
        }

        return new ImageFeaturePipeline(features.Chain, features.Normalized, features.Lines, features.Shape, features.Count);
    }
}
