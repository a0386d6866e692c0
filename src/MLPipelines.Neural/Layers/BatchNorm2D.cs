using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Batch normalization per channel of images <c>[C, H, W]</c> (PyTorch BatchNorm2d): over the M = N H W values of
/// channel c in a training batch, <c>y = gamma_c (x - mu_c) / sqrt(var_c + eps) + beta_c</c> (biased variance), and
/// the running statistics <c>r = (1 - momentum) r + momentum stat</c> (unbiased variance) used at inference.
/// </summary>
/// <remarks>
/// <para>Backward per channel: <c>dgamma = sum g xhat</c>, <c>dbeta = sum g</c>,
/// <c>dx = gamma / (M sigma) (M g - sum g - xhat sum(g xhat))</c>, with xhat (and a fused activation's
/// derivative) recomputed from the input.</para>
/// <para>A ReLU / leaky ReLU right after is fused by <see cref="Networks.Network.Build"/> (the activation is applied in
/// the normalizing pass and differentiated from the output). Channels run in parallel on the compute pool, each
/// summed in a fixed order, so results do not depend on the thread count. The ONNX exporter folds this layer into
/// a preceding <see cref="Conv2D"/>; otherwise it exports as a per-channel <c>Mul</c> + <c>Add</c>.</para>
/// </remarks>
public sealed class BatchNorm2D : Layer, IOnnxExportable, IActivationHost
{
    private readonly DelegateJob _trainJob;
    private readonly DelegateJob _inferJob;
    private readonly DelegateJob _backwardJob;
    private Parameter? _gamma;
    private Parameter? _beta;
    private float[] _runningMean = [];
    private float[] _runningVar = [];
    private float[] _mean = [];
    private float[] _invStd = [];
    private float[] _scale = [];
    private float[] _shift = [];
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _outputGradient;
    private Tensor? _inputGradient;
    private bool _lastWasTraining;
    private bool _fused;
    private float _fusedSlope;
    private int _channels;
    private int _plane;

    /// <summary>Creates a batch-norm layer (PyTorch defaults).</summary>
    public BatchNorm2D(float momentum = 0.1f, float epsilon = 1e-5f)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(momentum, 1f);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        Momentum = momentum;
        Epsilon = epsilon;
        _trainJob = new DelegateJob(NormalizeChannel);
        _inferJob = new DelegateJob(ApplyImage);
        _backwardJob = new DelegateJob(BackwardChannel);
    }

    /// <summary>Weight of the new batch statistic in the running averages.</summary>
    public float Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Epsilon { get; }

    /// <summary>Scale gamma, one per channel.</summary>
    public Parameter Gamma => _gamma ?? throw new InvalidOperationException("BatchNorm2D is not built.");

    /// <summary>Shift beta, one per channel.</summary>
    public Parameter Beta => _beta ?? throw new InvalidOperationException("BatchNorm2D is not built.");

    /// <summary>Running mean per channel, used at inference.</summary>
    public float[] RunningMean => _runningMean;

    /// <summary>Running (unbiased) variance per channel, used at inference.</summary>
    public float[] RunningVariance => _runningVar;

    /// <summary>True when a following ReLU / leaky ReLU is computed by this layer.</summary>
    public bool HasFusedActivation => _fused;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [Gamma, Beta];

    /// <inheritdoc />
    public override IReadOnlyList<float[]> Buffers => [_runningMean, _runningVar];

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        var (c, h, w) = ImageShapes.Require(inputShape, Kind);
        _channels = c;
        _plane = h * w;
        _gamma = new Parameter("gamma", TensorShape.Vector(c), ParameterRole.Normalization);
        _gamma.Value.AsSpan().Fill(1f);
        _beta = new Parameter("beta", TensorShape.Vector(c), ParameterRole.Normalization);
        _runningMean = new float[c];
        _runningVar = new float[c];
        _runningVar.AsSpan().Fill(1f);
        _mean = new float[c];
        _invStd = new float[c];
        _scale = new float[c];
        _shift = new float[c];
        return inputShape;
    }

    bool IActivationHost.TryFuse(ActivationLayer activation)
    {
        (_fused, _fusedSlope) = activation switch
        {
            Relu => (true, 0f),
            LeakyRelu leaky => (true, leaky.Slope),
            _ => (false, 0f),
        };
        return _fused;
    }

    /// <summary>The inference map per channel, <c>y = x scale + shift</c>: <c>scale = gamma / sqrt(var + eps)</c>, <c>shift = beta - mean scale</c>.</summary>
    internal (float[] Scale, float[] Shift) InferenceAffine()
    {
        var scale = new float[_channels];
        var shift = new float[_channels];
        for (var c = 0; c < _channels; c++)
        {
            scale[c] = Gamma.Value[c] / MathF.Sqrt(_runningVar[c] + Epsilon);
            shift[c] = Beta.Value[c] - (_runningMean[c] * scale[c]);
        }

        return (scale, shift);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        _lastWasTraining = context.Training;
        Tensor.Ensure(ref _output, input.Batch, OutputShape);
        if (context.Training)
        {
            if ((long)input.Batch * _plane < 2)
            {
                throw new ArgumentException("BatchNorm2D needs at least 2 values per channel in a training batch.", nameof(input));
            }

            _trainJob.Run(_channels, context.Threads);
        }
        else
        {
            for (var c = 0; c < _channels; c++)
            {
                _scale[c] = Gamma.Value[c] / MathF.Sqrt(_runningVar[c] + Epsilon);
                _shift[c] = Beta.Value[c] - (_runningMean[c] * _scale[c]);
            }

            _inferJob.Run(input.Batch, context.Threads);
        }

        return _output!;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        if (!_lastWasTraining || _input is null)
        {
            throw new InvalidOperationException("BatchNorm2D.Backward needs a preceding training-mode Forward.");
        }

        _outputGradient = outputGradient;
        if (NeedsInputGradient)
        {
            Tensor.Ensure(ref _inputGradient, _input.Batch, InputShape);
        }

        _backwardJob.Run(_channels, context.Threads);
        _outputGradient = null;
        return NeedsInputGradient ? _inputGradient : null;
    }

    private Span<float> Plane(Tensor t, int n, int c) => t.Data.AsSpan(((n * _channels) + c) * _plane, _plane);

    /// <summary>Training forward of channel c: batch mean and variance (two passes), running statistics, then y.</summary>
    private void NormalizeChannel(int c, int worker)
    {
        var x = _input!;
        var n = x.Batch;
        double m = (double)n * _plane;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += System.Numerics.Tensors.TensorPrimitives.Sum<float>(Plane(x, i, c));
        }

        var mean = (float)(sum / m);
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            squares += ChannelNormKernels.SquaredDeviations(Plane(x, i, c), mean);
        }

        var invStd = (float)(1.0 / Math.Sqrt((squares / m) + Epsilon));
        _mean[c] = mean;
        _invStd[c] = invStd;
        _runningMean[c] = ((1 - Momentum) * _runningMean[c]) + (Momentum * mean);
        _runningVar[c] = ((1 - Momentum) * _runningVar[c]) + (Momentum * (float)(squares / (m - 1)));
        var scale = Gamma.Value[c] * invStd;
        var shift = Beta.Value[c] - (mean * scale);
        _scale[c] = scale;
        _shift[c] = shift;
        for (var i = 0; i < n; i++)
        {
            ChannelNormKernels.Affine(Plane(x, i, c), Plane(_output!, i, c), scale, shift, _fused, _fusedSlope);
        }
    }

    /// <summary>Inference forward of image n with the running statistics.</summary>
    private void ApplyImage(int n, int worker)
    {
        for (var c = 0; c < _channels; c++)
        {
            ChannelNormKernels.Affine(Plane(_input!, n, c), Plane(_output!, n, c), _scale[c], _shift[c], _fused, _fusedSlope);
        }
    }

    /// <summary>Backward of channel c: the parameter gradients, then dX.</summary>
    private void BackwardChannel(int c, int worker)
    {
        // A fused activation's derivative comes from the sign of x scale + shift, recomputed exactly as in forward
        // (cheaper than reading the stored output).
        var x = _input!;
        var dy = _outputGradient!;
        var n = x.Batch;
        float mean = _mean[c], invStd = _invStd[c], scale = _scale[c], shift = _shift[c];
        double sumG = 0, sumGX = 0;
        for (var i = 0; i < n; i++)
        {
            var (g, gx) = ChannelNormKernels.GradientSums(Plane(x, i, c), Plane(dy, i, c), scale, shift, mean, invStd, _fused, _fusedSlope);
            sumG += g;
            sumGX += gx;
        }

        Gamma.Gradient[c] = (float)sumGX;
        Beta.Gradient[c] = (float)sumG;
        if (!NeedsInputGradient)
        {
            return;
        }

        // dx = k (M g - sum g - xhat sum(g xhat)), k = gamma invStd / M, as a g - b - c xhat.
        var m = (double)n * _plane;
        var k = Gamma.Value[c] * invStd / m;
        var a = (float)(k * m);
        var b = (float)(k * sumG);
        var cx = (float)(k * sumGX);
        for (var i = 0; i < n; i++)
        {
            ChannelNormKernels.InputGradient(Plane(x, i, c), Plane(dy, i, c), Plane(_inputGradient!, i, c), scale, shift, mean, invStd, a, b, cx, _fused, _fusedSlope);
        }
    }

    /// <summary>Exported alone (not after a Conv2D) as <c>x scale + shift</c> with per-channel <c>[C, 1, 1]</c> constants.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var (scale, shift) = InferenceAffine();
        var mul = graph.AddNode("Mul", [input, graph.AddInitializer("bn_scale", [_channels, 1, 1], scale)]);
        return graph.AddNode("Add", [mul, graph.AddInitializer("bn_shift", [_channels, 1, 1], shift)]);
    }
}
