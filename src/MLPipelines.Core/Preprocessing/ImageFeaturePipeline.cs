using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data.Images;
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
    /// <paramref name="stepsKey"/> (e.g. <c>models[1].preprocessing</c>) and <paramref name="where"/> (its
    /// <c>file:line:col: </c> prefix) place a data-dependent error such as too many PCA components.
    /// </summary>
    /// <exception cref="ImageDataException">More principal components asked for than there are pixels.</exception>
    public static ImageFeaturePipeline Build(
        MLContext ml, IReadOnlyList<PreprocessingStepSpec> steps, ImageShape shape, string stepsKey, Func<string, string> where)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(where);
        const string features = ImageDataView.FeatureColumn;
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var lines = new List<string>();
        var normalized = false;
        ImageShape? outputShape = shape;
        var count = shape.Size;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            switch (step.Kind)
            {
                case PreprocessingCatalog.Normalize:
                    var method = step.Options.GetValueOrDefault("method") as string ?? "zscore";
                    chain = chain.Append(method switch
                    {
                        "minmax" => ml.Transforms.NormalizeMinMax(features),
                        "robust" => ml.Transforms.NormalizeRobustScaling(features),
                        "log_zscore" => ml.Transforms.NormalizeLogMeanVariance(features, useCdf: false),
                        _ => ml.Transforms.NormalizeMeanVariance(features, fixZero: false),
                    });
                    lines.Add($"normalize method={method} (per pixel position)");
                    normalized = true;
                    break;
                case PreprocessingCatalog.Pca:
                    var components = Convert.ToInt32(step.Options.GetValueOrDefault("components") ?? 8L, System.Globalization.CultureInfo.InvariantCulture);
                    if (components > count)
                    {
                        var key = $"{stepsKey}[{i}].pca.components";
                        throw new ImageDataException(
                            $"{where(key)}{key}: {components} components asked for, but the images have only {count} pixel values ({shape})");
                    }

                    chain = chain.Append(ml.Transforms.ProjectToPrincipalComponents(features, features, rank: components, seed: 1));
                    lines.Add($"pca components={components}");
                    outputShape = null;
                    count = components;
                    break;
                default:
                    throw new ArgumentException($"Step '{step.Kind}' does not apply to image data; the spec loader rejects it.", nameof(steps));
            }
        }

        return new ImageFeaturePipeline(chain, normalized, lines, outputShape, count);
    }
}
