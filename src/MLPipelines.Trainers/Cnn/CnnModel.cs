using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Trainers.Onnx;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// A trained CNN as an ML.NET transformer: scores the raw pixel vector column (<c>[N, C H W]</c>) through the
/// network's ONNX graph (pixel standardization, reshape to <c>[N, C, H, W]</c>, convolutions and softmax are all in
/// the graph) and adds the multiclass prediction columns <c>Score</c> (class probabilities) and key
/// <c>PredictedLabel</c>. Saving, loading and ONNX export as described on <see cref="OnnxNetworkModel{TModel}"/>.
/// </summary>
public sealed class CnnModel : OnnxNetworkModel<CnnModelParameters>
{
    internal CnnModel(ITransformer chain, byte[] onnx, CnnModelParameters parameters, string featureColumn, DataViewType featureType)
        : base(chain, onnx, parameters, featureColumn, featureType)
    {
    }
}
