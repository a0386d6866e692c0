using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Batch normalization over the batch for flat samples [features] (PyTorch BatchNorm1d):
/// <c>y = gamma (x - mu_B) / sqrt(var_B + eps) + beta</c> in training, with the running statistics
/// <c>r = (1 - momentum) r + momentum * stat</c> (unbiased variance) used at inference.
/// </summary>
/// <remarks>
/// Backward (per feature, over the N rows): <c>dgamma = sum dy xhat</c>, <c>dbeta = sum dy</c>,
/// <c>dx = gamma / (N sigma) (N dy - sum dy - xhat sum(dy xhat))</c>. At inference it is a per-feature affine map,
/// which the ONNX exporter folds into the preceding Dense layer.
/// </remarks>
public sealed class BatchNorm : Layer, IOnnxExportable
{
    private Parameter? _gamma;
    private Parameter? _beta;
    private float[] _runningMean = [];
    private float[] _runningVar = [];
    private float[] _mean = [];
    private float[] _invStd = [];
    private float[] _sumDy = [];
    private float[] _sumDyXhat = [];
    private Tensor? _xhat;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private bool _lastWasTraining;

    /// <summary>Creates a batch-norm layer.</summary>
    public BatchNorm(float momentum = 0.1f, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(momentum, 1f);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        Momentum = momentum;
        Epsilon = epsilon;
    }

    /// <summary>Weight of the new batch statistic in the running averages.</summary>
    public float Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Epsilon { get; }

    /// <summary>Scale gamma, one per feature.</summary>
    public Parameter Gamma => _gamma ?? throw new InvalidOperationException("BatchNorm is not built.");

    /// <summary>Shift beta, one per feature.</summary>
    public Parameter Beta => _beta ?? throw new InvalidOperationException("BatchNorm is not built.");

    /// <summary>Running mean used at inference.</summary>
    public float[] RunningMean => _runningMean;

    /// <summary>Running (unbiased) variance used at inference.</summary>
    public float[] RunningVariance => _runningVar;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [Gamma, Beta];

    /// <inheritdoc />
    public override IReadOnlyList<float[]> Buffers => [_runningMean, _runningVar];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        if (inputShape.Rank != 1)
        {
            throw new ArgumentException($"BatchNorm expects flat samples [features], got {inputShape}.", nameof(inputShape));
        }

        var f = inputShape[0];
        _gamma = new Parameter("gamma", inputShape, ParameterRole.Normalization);
        _gamma.Value.AsSpan().Fill(1f);
        _beta = new Parameter("beta", inputShape, ParameterRole.Normalization);
        _runningMean = new float[f];
        _runningVar = new float[f];
        _runningVar.AsSpan().Fill(1f);
        _mean = new float[f];
        _invStd = new float[f];
        _sumDy = new float[f];
        _sumDyXhat = new float[f];
        return inputShape;
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        var n = input.Batch;
        var f = InputShape[0];
        var x = input.Span;
        var y = Tensor.Ensure(ref _output, n, OutputShape).Span;
        _lastWasTraining = context.Training;
        ReadOnlySpan<float> gamma = Gamma.Value, beta = Beta.Value;
        if (!context.Training)
        {
            // Inference: y = x * s + t with s = gamma / sqrt(running var + eps), t = beta - running mean * s.
            for (var j = 0; j < f; j++)
            {
                _invStd[j] = gamma[j] / MathF.Sqrt(_runningVar[j] + Epsilon);
                _mean[j] = beta[j] - (_runningMean[j] * _invStd[j]);
            }

            for (var i = 0; i < n; i++)
            {
                TensorPrimitives.MultiplyAdd(x.Slice(i * f, f), _invStd, _mean, y.Slice(i * f, f));
            }

            return _output!;
        }

        if (n < 2)
        {
            throw new ArgumentException("BatchNorm needs at least 2 samples per training batch.", nameof(input));
        }

        var xhat = Tensor.Ensure(ref _xhat, n, OutputShape).Span;

        // Column statistics, rows added in order (deterministic): mean, then the biased variance.
        Array.Clear(_sumDy);
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.Add(_sumDy, x.Slice(i * f, f), _sumDy);
        }

        TensorPrimitives.Multiply(_sumDy, 1f / n, _mean);
        Array.Clear(_sumDyXhat);
        for (var i = 0; i < n; i++)
        {
            var d = xhat.Slice(i * f, f);
            TensorPrimitives.Subtract(x.Slice(i * f, f), _mean, d);
            TensorPrimitives.MultiplyAdd(d, d, _sumDyXhat, _sumDyXhat);
        }

        for (var j = 0; j < f; j++)
        {
            var variance = _sumDyXhat[j] / n;
            _invStd[j] = 1f / MathF.Sqrt(variance + Epsilon);
            _runningMean[j] = ((1 - Momentum) * _runningMean[j]) + (Momentum * _mean[j]);
            _runningVar[j] = ((1 - Momentum) * _runningVar[j]) + (Momentum * _sumDyXhat[j] / (n - 1));
        }

        for (var i = 0; i < n; i++)
        {
            var h = xhat.Slice(i * f, f);
            TensorPrimitives.Multiply(h, _invStd, h);
            TensorPrimitives.MultiplyAdd(h, gamma, beta, y.Slice(i * f, f));
        }

        return _output!;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        if (!_lastWasTraining || _xhat is null)
        {
            throw new InvalidOperationException("BatchNorm.Backward needs a preceding training-mode Forward.");
        }

        var n = outputGradient.Batch;
        var f = InputShape[0];
        var dy = outputGradient.Span;
        var xhat = _xhat.Span;
        Array.Clear(_sumDy);
        Array.Clear(_sumDyXhat);
        for (var i = 0; i < n; i++)
        {
            var g = dy.Slice(i * f, f);
            TensorPrimitives.Add(_sumDy, g, _sumDy);
            TensorPrimitives.MultiplyAdd(g, xhat.Slice(i * f, f), _sumDyXhat, _sumDyXhat);
        }

        _sumDyXhat.CopyTo(Gamma.Gradient, 0);
        _sumDy.CopyTo(Beta.Gradient, 0);
        if (!NeedsInputGradient)
        {
            return null;
        }

        // dx = k (n dy - sum dy - xhat sum(dy xhat)), k = gamma / (n sigma); _mean is reused to hold k.
        TensorPrimitives.Multiply(Gamma.Value, _invStd, _mean);
        TensorPrimitives.Multiply(_mean, 1f / n, _mean);
        TensorPrimitives.Negate(_sumDyXhat, _sumDyXhat);
        var dx = Tensor.Ensure(ref _inputGradient, n, InputShape).Span;
        for (var i = 0; i < n; i++)
        {
            var d = dx.Slice(i * f, f);
            TensorPrimitives.Multiply(dy.Slice(i * f, f), (float)n, d);
            TensorPrimitives.Subtract(d, _sumDy, d);
            TensorPrimitives.MultiplyAdd(xhat.Slice(i * f, f), _sumDyXhat, d, d);
            TensorPrimitives.Multiply(d, _mean, d);
        }

        return _inputGradient;
    }

    /// <summary>
    /// Exported (when not folded into a preceding Dense) as the per-feature affine map <c>x * s + t</c> with
    /// <c>s = gamma / sqrt(var + eps)</c>, <c>t = beta - mean * s</c>.
    /// </summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var f = InputShape[0];
        var scale = new float[f];
        var shift = new float[f];
        for (var j = 0; j < f; j++)
        {
            scale[j] = Gamma.Value[j] / MathF.Sqrt(_runningVar[j] + Epsilon);
            shift[j] = Beta.Value[j] - (_runningMean[j] * scale[j]);
        }

        var mul = graph.AddNode("Mul", [input, graph.AddInitializer("bn_scale", [f], scale)]);
        return graph.AddNode("Add", [mul, graph.AddInitializer("bn_shift", [f], shift)]);
    }
}
