using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// k fully separate dense layers, one per ensemble member (TabM's <c>LinearEnsemble</c>, its output head): on
/// samples <c>[k, in]</c>, member i computes <c>y_i = x_i W_i + b_i</c> with its own W_i <c>[in, out]</c> and b_i.
/// </summary>
/// <remarks>
/// Member i's rows of a batch are every k-th row of the <c>[N k, in]</c> matrix, so each member is one GEMM over a
/// strided view (leading dimension <c>k in</c>); nothing is copied. Backward per member as in <see cref="Dense"/>:
/// <c>dW_i = x_i^T dy_i</c>, <c>db_i = sum_n dy_i</c>, <c>dx_i = dy_i W_i^T</c>.
/// </remarks>
public sealed class EnsembleDense : Layer, IOnnxExportable
{
    private Parameter? _weight;
    private Parameter? _bias;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private int _members;

    /// <summary>Creates k dense layers of <paramref name="units"/> outputs (k from the input shape).</summary>
    public EnsembleDense(int units, Initializer initializer = Initializer.GlorotUniform)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        Units = units;
        Initializer = initializer;
    }

    /// <summary>Outputs per member.</summary>
    public int Units { get; }

    /// <summary>Weight initialization of each member (biases start at zero).</summary>
    public Initializer Initializer { get; }

    /// <summary>Weights <c>[k, in, out]</c>.</summary>
    public Parameter Weight => _weight ?? throw new InvalidOperationException("EnsembleDense is not built.");

    /// <summary>Biases <c>[k, out]</c>.</summary>
    public Parameter Bias => _bias ?? throw new InvalidOperationException("EnsembleDense is not built.");

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [Weight, Bias];

    private int In => InputShape[1];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 2)
        {
            throw new ArgumentException($"EnsembleDense expects ensemble samples [members, features], got {inputShape}; add an EnsembleView first.", nameof(inputShape));
        }

        (_members, var fanIn) = (inputShape[0], inputShape[1]);
        _weight = new Parameter("weight", new TensorShape(_members, fanIn, Units), ParameterRole.Weight);
        for (var i = 0; i < _members; i++)
        {
            WeightInitializer.Fill(Initializer, _weight.Value.AsSpan(i * fanIn * Units, fanIn * Units), fanIn, Units, random);
        }

        _bias = new Parameter("bias", new TensorShape(_members, Units), ParameterRole.Bias);
        return new TensorShape(_members, Units);
    }

    private Span<float> MemberWeight(float[] w, int i) => w.AsSpan(i * In * Units, In * Units);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        var n = input.Batch;
        var y = Tensor.Ensure(ref _output, n, OutputShape);
        for (var i = 0; i < _members; i++)
        {
            Gemm.Multiply(false, false, n, Units, In, 1f, input.Span[(i * In)..], _members * In, MemberWeight(Weight.Value, i), Units,
                0f, y.Span[(i * Units)..], _members * Units, GemmEpilogue.ColumnBias(Bias.Value.AsSpan(i * Units, Units)), context.Threads);
        }

        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var x = _input ?? throw new InvalidOperationException("EnsembleDense.Backward called before Forward.");
        var n = x.Batch;
        var dx = NeedsInputGradient ? Tensor.Ensure(ref _inputGradient, n, InputShape) : null;
        for (var i = 0; i < _members; i++)
        {
            var dy = outputGradient.Span[(i * Units)..];
            MatrixReductions.SumColumns(dy, n, Units, _members * Units, Bias.Gradient.AsSpan(i * Units, Units));
            Gemm.Multiply(true, false, In, Units, n, 1f, x.Span[(i * In)..], _members * In, dy, _members * Units,
                0f, MemberWeight(Weight.Gradient, i), Units, context.Threads);
            if (dx is not null)
            {
                Gemm.Multiply(false, true, n, In, Units, 1f, dy, _members * Units, MemberWeight(Weight.Value, i), Units,
                    0f, dx.Span[(i * In)..], _members * In, context.Threads);
            }
        }

        return dx;
    }

    /// <summary>
    /// Exported with the members as a batched dimension: <c>Transpose</c> <c>[N, k, in]</c> to <c>[k, N, in]</c>,
    /// a batched <c>MatMul</c> with W <c>[k, in, out]</c>, <c>Add</c> b <c>[k, 1, out]</c>, and back to <c>[N, k, out]</c>.
    /// </summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var perm = OnnxAttribute.Ints("perm", 1, 0, 2);
        var members = graph.AddNode("Transpose", [input], perm);
        var product = graph.AddNode("MatMul", [members, graph.AddInitializer("ensemble_head_weight", [_members, In, Units], Weight.Value)]);
        var biased = graph.AddNode("Add", [product, graph.AddInitializer("ensemble_head_bias", [_members, 1, Units], Bias.Value)]);
        return graph.AddNode("Transpose", [biased], perm);
    }
}
