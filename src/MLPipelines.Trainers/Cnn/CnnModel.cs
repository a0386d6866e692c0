using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// A trained CNN as an ML.NET transformer: scores the pixel vector column through the network's ONNX graph
/// (<c>ApplyOnnxModel</c>; pixel standardization, reshape to <c>[N, C, H, W]</c>, convolutions and softmax are all
/// in the graph) and adds the multiclass prediction columns <c>Score</c> (class probabilities) and key <c>PredictedLabel</c>.
/// </summary>
/// <remarks>
/// Saving writes the inner chain of ML.NET transforms (the ONNX bytes are embedded in the zip), so
/// <c>mlContext.Model.Load</c> gives back an equivalent <see cref="TransformerChain{TLastTransformer}"/> that predicts
/// identically; the stateless glue loads by contract name from this assembly, which ML.NET loads by itself as long
/// as MLPipelines.Trainers.dll can be found (reference the package). Permutation feature importance works on this
/// object (it is an <see cref="ISingleFeaturePredictionTransformer{TModel}"/>).
/// </remarks>
public sealed class CnnModel : ISingleFeaturePredictionTransformer<CnnModelParameters>
{
    private readonly ITransformer _chain;
    private readonly byte[] _onnx;

    internal CnnModel(ITransformer chain, byte[] onnx, CnnModelParameters parameters, string featureColumn, DataViewType featureType)
    {
        _chain = chain;
        _onnx = onnx;
        Model = parameters;
        FeatureColumnName = featureColumn;
        FeatureColumnType = featureType;
    }

    /// <summary>The trained network's description, pixel standardization and learning curves.</summary>
    public CnnModelParameters Model { get; }

    /// <inheritdoc />
    public string FeatureColumnName { get; }

    /// <inheritdoc />
    public DataViewType FeatureColumnType { get; }

    /// <summary>The ONNX model (opset 13): input <c>FeatureColumnName</c> <c>[N, C H W]</c> (raw pixels), output <c>Score</c> <c>[N, classes]</c> (softmax).</summary>
    public ReadOnlyMemory<byte> OnnxModel => _onnx;

    /// <inheritdoc />
    public bool IsRowToRowMapper => _chain.IsRowToRowMapper;

    /// <summary>Writes the network as a standalone <c>.onnx</c> file (runs in any ONNX runtime, no ML.NET needed).</summary>
    public void SaveOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, _onnx);
    }

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => _chain.GetOutputSchema(inputSchema);

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => _chain.GetRowToRowMapper(inputSchema);

    /// <inheritdoc />
    public IDataView Transform(IDataView input) => _chain.Transform(input);

    /// <summary>Saves the inner ML.NET transform chain; loading yields that chain.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => _chain.Save(ctx);
}
