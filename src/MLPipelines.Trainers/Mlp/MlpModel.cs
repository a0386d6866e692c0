using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Trainers.Onnx;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// A trained MLP as an ML.NET transformer: scores the feature column (<c>[N, width]</c>) through the network's ONNX
/// graph and adds the standard prediction columns (binary <c>Score</c>, <c>Probability</c>, <c>PredictedLabel</c>;
/// multiclass <c>Score</c> and key <c>PredictedLabel</c>; regression <c>Score</c>). Saving, loading and ONNX export
/// as described on <see cref="OnnxNetworkModel{TModel}"/>.
/// </summary>
public sealed class MlpModel : OnnxNetworkModel<MlpModelParameters>
{
    internal MlpModel(ITransformer chain, byte[] onnx, MlpModelParameters parameters, string featureColumn, DataViewType featureType)
        : base(chain, onnx, parameters, featureColumn, featureType)
    {
    }
}
