using Microsoft.ML;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// One model's preprocessing for one fit, whatever the kind of data: the estimator that produces <c>Features</c>,
/// whether it normalizes, its steps for results.json, the image shape a CNN may use, and whether a cache
/// checkpoint should follow it.
/// </summary>
/// <param name="Estimator">Unfitted preprocessing (fitted with the chain on training rows only).</param>
/// <param name="Normalized">The steps normalize the features (linear and neural trainers then do not).</param>
/// <param name="Steps">One line per step run.</param>
/// <param name="Image">Image shape of <c>Features</c>, or null (tabular data, or pixels replaced by pca).</param>
/// <param name="Cache">
/// Put ML.NET's cache after the preprocessing, so multi-pass trainers (SDCA, L-BFGS, neural nets) do not
/// recompute it every pass. False when there is nothing to compute: an image view with no steps already is in
/// memory, and caching it would copy every pixel once more (188 MB for Fashion-MNIST's training set).
/// </param>
internal sealed record FeatureChain(IEstimator<ITransformer> Estimator, bool Normalized, IReadOnlyList<string> Steps, ImageShape? Image, bool Cache);
