using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data.Images;
using MLPipelines.Spec;

namespace MLPipelines.Core.Preprocessing;

/// <summary>Images' flattened pixels while their preprocessing chain is built (the image counterpart of <see cref="TabularFeatures"/>).</summary>
internal sealed class ImageFeatures(MLContext ml, ImageShape input)
{
    /// <summary>The pixel vector column the steps read and rewrite.</summary>
    public const string Column = ImageDataView.FeatureColumn;

    private IEstimator<ITransformer> _chain = new EstimatorChain<ITransformer>();

    public MLContext Ml { get; } = ml;

    /// <summary>The shape of the images read.</summary>
    public ImageShape Input { get; } = input;

    /// <summary>The shape the trainer sees; null once pca replaced the pixels.</summary>
    public ImageShape? Shape { get; set; } = input;

    /// <summary>Length of the feature vector after the steps so far.</summary>
    public int Count { get; set; } = input.Size;

    /// <summary>True once a normalize step ran.</summary>
    public bool Normalized { get; set; }

    /// <summary>One line per step run.</summary>
    public List<string> Lines { get; } = [];

    /// <summary>The chain so far.</summary>
    public IEstimator<ITransformer> Chain => _chain;

    /// <summary>Appends an estimator to the chain.</summary>
    public void Add(IEstimator<ITransformer> estimator) => _chain = _chain.Append(estimator);
}
