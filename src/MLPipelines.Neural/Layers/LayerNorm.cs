using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Layer normalization over each sample's features (Ba et al. 2016):
/// <c>y = gamma (x - mu) / sqrt(var + eps) + beta</c> with mu, var over the sample (biased variance).
/// </summary>
/// <remarks>Backward per row: <c>dx = (1 / sigma) (g - mean(g) - xhat mean(g xhat))</c>, g = dy * gamma.</remarks>
public sealed class LayerNorm : Layer, IOnnxExportable
{
    private Parameter? _gamma;
    private Parameter? _beta;
    private float[] _invStd = [];
    private float[] _scratch = [];
    private Tensor? _xhat;
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <summary>Creates a layer-norm layer.</summary>
    public LayerNorm(float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        Epsilon = epsilon;
    }

    /// <summary>Added to the variance before the square root.</summary>
    public float Epsilon { get; }

    /// <summary>Scale gamma, one per feature.</summary>
    public Parameter Gamma => _gamma ?? throw new InvalidOperationException("LayerNorm is not built.");

    /// <summary>Shift beta, one per feature.</summary>
    public Parameter Beta => _beta ?? throw new InvalidOperationException("LayerNorm is not built.");

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [Gamma, Beta];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1)
        {
            throw new ArgumentException($"LayerNorm expects flat samples [features], got {inputShape}.", nameof(inputShape));
        }

        _gamma = new Parameter("gamma", inputShape, ParameterRole.Normalization);
        _gamma.Value.AsSpan().Fill(1f);
        _beta = new Parameter("beta", inputShape, ParameterRole.Normalization);
        _scratch = new float[inputShape[0]];
        return inputShape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        var n = input.Batch;
        var f = InputShape[0];
        if (_invStd.Length < n)
        {
            _invStd = new float[input.Data.Length / f];
        }

        var x = input.Span;
        var xhat = Tensor.Ensure(ref _xhat, n, OutputShape).Span;
        var y = Tensor.Ensure(ref _output, n, OutputShape).Span;
        ReadOnlySpan<float> gamma = Gamma.Value, beta = Beta.Value;
        for (var i = 0; i < n; i++)
        {
            var h = xhat.Slice(i * f, f);
            var mean = TensorPrimitives.Sum(x.Slice(i * f, f)) / f;
            TensorPrimitives.Subtract(x.Slice(i * f, f), mean, h);
            var s = 1f / MathF.Sqrt((TensorPrimitives.SumOfSquares<float>(h) / f) + Epsilon);
            _invStd[i] = s;
            TensorPrimitives.Multiply(h, s, h);
            TensorPrimitives.MultiplyAdd(h, gamma, beta, y.Slice(i * f, f));
        }

        return _output!;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        var xhatT = _xhat ?? throw new InvalidOperationException("LayerNorm.Backward called before Forward.");
        var n = outputGradient.Batch;
        var f = InputShape[0];
        var dy = outputGradient.Span;
        var xhat = xhatT.Span;
        var dGamma = Gamma.Gradient.AsSpan();
        var dBeta = Beta.Gradient.AsSpan();
        dGamma.Clear();
        dBeta.Clear();
        ReadOnlySpan<float> gamma = Gamma.Value;
        var dx = NeedsInputGradient ? Tensor.Ensure(ref _inputGradient, n, InputShape).Span : default;
        var g = _scratch.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var dyr = dy.Slice(i * f, f);
            var h = xhat.Slice(i * f, f);
            TensorPrimitives.MultiplyAdd(dyr, h, dGamma, dGamma);
            TensorPrimitives.Add(dBeta, dyr, dBeta);
            if (!NeedsInputGradient)
            {
                continue;
            }

            // dx = s (g - mean(g) - xhat mean(g xhat)), g = dy gamma.
            TensorPrimitives.Multiply(dyr, gamma, g);
            var meanG = TensorPrimitives.Sum<float>(g) / f;
            var meanGx = TensorPrimitives.Dot<float>(g, h) / f;
            TensorPrimitives.Subtract(g, meanG, g);
            TensorPrimitives.MultiplyAdd(h, -meanGx, g, g);
            TensorPrimitives.Multiply(g, _invStd[i], dx.Slice(i * f, f));
        }

        return NeedsInputGradient ? _inputGradient : null;
    }

    /// <summary>Exported in opset-13 primitives: ReduceMean, Sub, Mul, Add, Sqrt, Div, then the affine gamma/beta.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var f = InputShape[0];
        var axes = OnnxAttribute.Ints("axes", -1);
        var mean = graph.AddNode("ReduceMean", [input], axes, OnnxAttribute.Int("keepdims", 1));
        var centered = graph.AddNode("Sub", [input, mean]);
        var variance = graph.AddNode("ReduceMean", [graph.AddNode("Mul", [centered, centered])], axes, OnnxAttribute.Int("keepdims", 1));
        var std = graph.AddNode("Sqrt", [graph.AddNode("Add", [variance, graph.AddScalar("ln_eps", Epsilon)])]);
        var normalized = graph.AddNode("Div", [centered, std]);
        var scaled = graph.AddNode("Mul", [normalized, graph.AddInitializer("ln_gamma", [f], Gamma.Value)]);
        return graph.AddNode("Add", [scaled, graph.AddInitializer("ln_beta", [f], Beta.Value)]);
    }
}
