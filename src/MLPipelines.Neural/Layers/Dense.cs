using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Fully connected layer: <c>Y = X W + b</c> with X of shape [N, in], W of shape [in, out] (row-major) and b of [out].
/// </summary>
/// <remarks>
/// Backward: <c>dW = X^T dY</c>, <c>db = sum over rows of dY</c>, <c>dX = dY W^T</c>; the transposes are done by the
/// GEMM's transpose flags, never materialized.
/// </remarks>
public sealed class Dense : Layer, IOnnxExportable
{
    private Parameter? _weight;
    private Parameter? _bias;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Tensor? _input;
    private Tensor? _preActivationGradient;
    private GemmActivation _fused;
    private float _fusedSlope;

    /// <summary>Creates a dense layer with <paramref name="units"/> outputs.</summary>
    public Dense(int units, Initializer initializer = Initializer.HeNormal, bool useBias = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        Units = units;
        Initializer = initializer;
        UseBias = useBias;
    }

    /// <summary>Number of outputs.</summary>
    public int Units { get; }

    /// <summary>Weight initialization scheme (biases start at zero).</summary>
    public Initializer Initializer { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>Weight of shape [in, out].</summary>
    public Parameter Weight => _weight ?? throw new InvalidOperationException("Dense is not built.");

    /// <summary>Bias of shape [out], or null without bias.</summary>
    public Parameter? Bias => _bias;

    /// <summary>The activation fused into this layer's GEMM epilogue by <see cref="Networks.Network.Build"/>, if any.</summary>
    public GemmActivation FusedActivation => _fused;

    /// <summary>
    /// Fuses a following ReLU / leaky ReLU into the GEMM epilogue: forward computes <c>f(XW + b)</c> in the pass
    /// that stores the product, and backward takes f' from the output (valid because sign(f(z)) = sign(z) for
    /// slope &gt;= 0) in the same pass that sums the bias gradient.
    /// </summary>
    internal void Fuse(GemmActivation activation, float slope)
    {
        _fused = activation;
        _fusedSlope = slope;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _bias is null ? [Weight] : [Weight, _bias];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1)
        {
            throw new ArgumentException($"Dense expects flat samples [features], got {inputShape}; add a Flatten layer first.", nameof(inputShape));
        }

        var fanIn = inputShape[0];
        _weight = new Parameter("weight", new TensorShape(fanIn, Units), ParameterRole.Weight);
        WeightInitializer.Fill(Initializer, _weight.Value, fanIn, Units, random);
        _bias = UseBias ? new Parameter("bias", TensorShape.Vector(Units), ParameterRole.Bias) : null;
        return TensorShape.Vector(Units);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        var n = input.Batch;
        var inSize = InputShape[0];
        var y = Tensor.Ensure(ref _output, n, OutputShape);
        var epilogue = _bias is null
            ? GemmEpilogue.Activate(_fused, _fusedSlope)
            : GemmEpilogue.ColumnBias(_bias.Value, _fused, _fusedSlope);
        Gemm.Multiply(false, false, n, Units, inSize, 1f, input.Span, inSize, Weight.Value, Units, 0f, y.Span, Units, epilogue, context.Threads);
        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        var x = _input ?? throw new InvalidOperationException("Dense.Backward called before Forward.");
        var n = x.Batch;
        var inSize = InputShape[0];
        ReadOnlySpan<float> dy = outputGradient.Span;
        if (_fused != GemmActivation.None)
        {
            // dZ = dY * f'(Z) with f' read off the stored output, and db = column sums of dZ, in one pass.
            var dz = Tensor.Ensure(ref _preActivationGradient, n, OutputShape).Span;
            var slope = _fused == GemmActivation.Relu ? 0f : _fusedSlope;
            ActivationKernels.LeakyReluBackwardWithBias(_output!.Span, dy, dz, _bias is null ? [] : _bias.Gradient, n, Units, slope);
            dy = dz;
        }
        else if (_bias is not null)
        {
            MatrixReductions.SumColumns(dy, n, Units, Units, _bias.Gradient);
        }

        Gemm.Multiply(true, false, inSize, Units, n, 1f, x.Span, inSize, dy, Units, 0f, Weight.Gradient, Units, context.Threads);
        if (!NeedsInputGradient)
        {
            return null;
        }

        var dx = Tensor.Ensure(ref _inputGradient, n, InputShape);
        Gemm.Multiply(false, true, n, inSize, Units, 1f, dy, Units, Weight.Value, Units, 0f, dx.Span, inSize, context.Threads);
        return dx;
    }

    /// <inheritdoc />
    public string ExportOnnx(OnnxGraphBuilder graph, string input) => ExportOnnx(graph, input, null);

    /// <summary>
    /// Exports as Gemm (MatMul without bias); with <paramref name="foldedNorm"/>, the inference-mode batch norm
    /// that follows is folded in: <c>W'[:, j] = W[:, j] s_j</c>, <c>b'_j = (b_j - mean_j) s_j + beta_j</c>,
    /// <c>s_j = gamma_j / sqrt(var_j + eps)</c>.
    /// </summary>
    internal string ExportOnnx(OnnxGraphBuilder graph, string input, BatchNorm? foldedNorm)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var inSize = InputShape[0];
        var w = (float[])Weight.Value.Clone();
        var b = _bias is null ? null : (float[])_bias.Value.Clone();
        if (foldedNorm is not null)
        {
            b ??= new float[Units];
            for (var j = 0; j < Units; j++)
            {
                var s = foldedNorm.Gamma.Value[j] / MathF.Sqrt(foldedNorm.RunningVariance[j] + foldedNorm.Epsilon);
                for (var i = 0; i < inSize; i++)
                {
                    w[(i * Units) + j] *= s;
                }

                b[j] = ((b[j] - foldedNorm.RunningMean[j]) * s) + foldedNorm.Beta.Value[j];
            }
        }

        var wName = graph.AddInitializer("dense_weight", [inSize, Units], w);
        return b is null
            ? graph.AddNode("MatMul", [input, wName])
            : graph.AddNode("Gemm", [input, wName, graph.AddInitializer("dense_bias", [Units], b)]);
    }
}
