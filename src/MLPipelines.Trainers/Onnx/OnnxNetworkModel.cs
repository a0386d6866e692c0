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
/// <para>A model may build its scoring transforms on first use instead of in <c>Fit</c> (XGBoost does: converting
/// the booster and opening an ONNX Runtime session is work a fit that is never scored need not pay). Until then
/// <see cref="Transform"/> returns a view with the schema they will produce that builds them when its rows are first
/// asked for, so fitting the estimators after it in a chain (which reads only schemas) does not build them.</para>
/// <typeparam name="TModel">The trainer's model parameters (network description, learning curves).</typeparam>
public abstract class OnnxNetworkModel<TModel> : ISingleFeaturePredictionTransformer<TModel>
    where TModel : class
{
    private readonly Lazy<(ITransformer Chain, byte[] Onnx)> _scoring;
    private readonly Func<DataViewSchema, DataViewSchema>? _deferredSchema;

    private protected OnnxNetworkModel(ITransformer chain, byte[] onnx, TModel parameters, string featureColumn, DataViewType featureType)
        : this(new Lazy<(ITransformer, byte[])>((chain, onnx)), parameters, featureColumn, featureType)
    {
    }

    /// <summary>
    /// A model whose scoring transforms and ONNX bytes <paramref name="scoring"/> builds on first use (once,
    /// thread-safe); until then <paramref name="outputSchema"/> gives the schema they will produce for an input schema.
    /// </summary>
    private protected OnnxNetworkModel(Func<(ITransformer Chain, byte[] Onnx)> scoring, Func<DataViewSchema, DataViewSchema> outputSchema,
        TModel parameters, string featureColumn, DataViewType featureType)
        : this(new Lazy<(ITransformer, byte[])>(scoring, LazyThreadSafetyMode.ExecutionAndPublication), parameters, featureColumn, featureType) =>
        _deferredSchema = outputSchema;

    private OnnxNetworkModel(Lazy<(ITransformer Chain, byte[] Onnx)> scoring, TModel parameters, string featureColumn, DataViewType featureType)
    {
        _scoring = scoring;
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
    public ReadOnlyMemory<byte> OnnxModel => _scoring.Value.Onnx;

    /// <inheritdoc />
    public bool IsRowToRowMapper => Chain.IsRowToRowMapper;

    /// <summary>Whether the scoring transforms exist yet.</summary>
    private protected bool ScoringBuilt => _scoring.IsValueCreated;

    /// <summary>The scoring transforms (built now if they were not).</summary>
    private protected ITransformer Chain => _scoring.Value.Chain;

    /// <summary>Writes the network as a standalone <c>.onnx</c> file (runs in any ONNX runtime, no ML.NET needed).</summary>
    public void SaveOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, _scoring.Value.Onnx);
    }

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) =>
        ScoringBuilt || _deferredSchema is null ? Chain.GetOutputSchema(inputSchema) : _deferredSchema(inputSchema);

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Chain.GetRowToRowMapper(inputSchema);

    /// <inheritdoc />
    public IDataView Transform(IDataView input) =>
        ScoringBuilt || _deferredSchema is null
            ? Chain.Transform(input)
            : new DeferredDataView(input, _deferredSchema(input.Schema), () => Chain.Transform(input));

    /// <summary>Saves the inner ML.NET transform chain; loading yields that chain.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => Chain.Save(ctx);
}
