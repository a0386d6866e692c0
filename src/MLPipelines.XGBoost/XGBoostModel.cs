using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Trainers.Onnx;

namespace MLPipelines.XGBoost;

/// <summary>
/// A trained XGBoost booster as an ML.NET transformer: scores the feature column through the booster converted to
/// an ONNX tree ensemble (<c>ApplyOnnxModel</c>) and adds the standard prediction columns (binary <c>Score</c> =
/// margin, <c>Probability</c>, <c>PredictedLabel</c>; multiclass <c>Score</c> = class probabilities and key
/// <c>PredictedLabel</c>; regression <c>Score</c>). Saving writes those ML.NET transforms; the ONNX bytes (with the
/// booster's own JSON model in their metadata) are stored inside the zip, so no XGBoost library is needed to load
/// or score a saved model. Prediction needs no native XGBoost call either.
/// </summary>
public sealed class XGBoostModel : OnnxNetworkModel<XGBoostModelParameters>, IDisposable
{
    private readonly ITransformer _chain;

    internal XGBoostModel(ITransformer chain, byte[] onnx, XGBoostModelParameters parameters, string featureColumn, DataViewType featureType)
        : base(chain, onnx, parameters, featureColumn, featureType) => _chain = chain;

    /// <summary>Releases the ONNX Runtime session of the scoring transforms.</summary>
    public void Dispose() => (_chain as IDisposable)?.Dispose();
}
