using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Trainers.Onnx;

/// <summary>
/// A trained network of ours as an ML.NET transformer: a chain of ML.NET transforms that applies the network's ONNX
/// graph (<c>ApplyOnnxModel</c>) and adds the task's prediction columns, plus the ONNX bytes and the trainer's
/// description of the network (<typeparamref name="TModel"/>). Shared by <see cref="Mlp.MlpModel"/> and
/// <see cref="Cnn.CnnModel"/>.
/// </summary>
/// <remarks>
/// Saving writes the inner chain (the ONNX bytes are embedded in the zip), so <c>mlContext.Model.Load</c> gives back
/// an equivalent <see cref="TransformerChain{TLastTransformer}"/> that predicts identically. The chain is made of
/// ML.NET types only (the ONNX transform and ML.NET's scorers), so plain ML.NET with Microsoft.ML.OnnxTransformer loads
/// it without this assembly. Permutation
/// feature importance works on this object (it is an <see cref="ISingleFeaturePredictionTransformer{TModel}"/>).
/// </remarks>
/// <typeparam name="TModel">The trainer's model parameters (network description, learning curves).</typeparam>
public abstract class OnnxNetworkModel<TModel> : ISingleFeaturePredictionTransformer<TModel>
    where TModel : class
{
    private readonly ITransformer _chain;
    private readonly byte[] _onnx;

    private protected OnnxNetworkModel(ITransformer chain, byte[] onnx, TModel parameters, string featureColumn, DataViewType featureType)
    {
        _chain = chain;
        _onnx = onnx;
        Model = parameters;
        FeatureColumnName = featureColumn;
        FeatureColumnType = featureType;
    }

    /// <summary>The trained network's description and learning curves.</summary>
    public TModel Model { get; }

    /// <inheritdoc />
    public string FeatureColumnName { get; }

    /// <inheritdoc />
    public DataViewType FeatureColumnType { get; }

    /// <summary>The ONNX model (opset 13) with input <c>FeatureColumnName</c>; outputs as described on the trainer.</summary>
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
