using MLPipelines.Neural.Tensors;
using MLPipelines.Neural.Onnx;

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
            var row = x.Slice(i * f, f);
            double sum = 0;
            foreach (var v in row)
            {
                sum += v;
            }

            var mean = sum / f;
            double sq = 0;
            foreach (var v in row)
            {
                sq += (v - mean) * (v - mean);
            }

            var s = (float)(1.0 / Math.Sqrt((sq / f) + Epsilon));
            _invStd[i] = s;
            var m = (float)mean;
            for (var j = 0; j < f; j++)
            {
                var h = (row[j] - m) * s;
                xhat[(i * f) + j] = h;
                y[(i * f) + j] = (gamma[j] * h) + beta[j];
            }
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
        for (var i = 0; i < n; i++)
        {
            double meanG = 0, meanGx = 0;
            for (var j = 0; j < f; j++)
            {
                var idx = (i * f) + j;
                dGamma[j] += dy[idx] * xhat[idx];
                dBeta[j] += dy[idx];
                var g = dy[idx] * gamma[j];
                _scratch[j] = g;
                meanG += g;
                meanGx += g * xhat[idx];
            }

            if (!NeedsInputGradient)
            {
                continue;
            }

            meanG /= f;
            meanGx /= f;
            var s = _invStd[i];
            for (var j = 0; j < f; j++)
            {
                var idx = (i * f) + j;
                dx[idx] = s * (float)(_scratch[j] - meanG - (xhat[idx] * meanGx));
            }
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
