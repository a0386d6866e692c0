using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// 2-D convolution (cross-correlation, as in PyTorch and ONNX) over images <c>[C, H, W]</c>:
/// <c>y[f, oy, ox] = b[f] + sum over c, i, j of W[f, c, i, j] x[c, oy s - p + i, ox s - p + j]</c>
/// (zero outside the image), with output <c>[F, (H + 2p - k) / s + 1, (W + 2p - k) / s + 1]</c>.
/// </summary>
/// <remarks>
/// <para>Computed per image as im2col + GEMM: <c>Y = W cols + b</c> with W stored <c>[F, C k k]</c> (the ONNX
/// <c>[F, C, k, k]</c> layout) and the bias (and a fused ReLU) in the GEMM epilogue. Images of a batch run in
/// parallel on the compute pool, each with its own column matrix, which stays in the core's cache.</para>
/// <para>Backward per image: <c>dW += dY cols^T</c>, <c>db += row sums of dY</c>, <c>dX = col2im(W^T dY)</c>.
/// Weight gradients are summed per fixed group of <see cref="GroupSize"/> images, then the groups in order, so the
/// result is bit-identical for any thread count. Both products read the column matrix in place: <c>W^T</c> is
/// transposed once per batch, and with a multiple of 32 filters the weight gradient is computed transposed,
/// <c>dW^T += cols dY^T</c> (the same products summed in the same order, so the same bits), which packs the small
/// <c>dY</c> instead of the whole column matrix for every image.</para>
/// </remarks>
public sealed class Conv2D : Layer, IOnnxExportable, IOnnxFusedExport, IActivationHost
{
    /// <summary>Images per weight-gradient partial sum (fixed, so sums never depend on the thread count).</summary>
    internal const int GroupSize = 8;

    private readonly DelegateJob _forwardJob;
    private readonly DelegateJob _backwardJob;
    private readonly WorkerScratch _columns = new();
    private readonly WorkerScratch _columnGradients = new();
    private readonly WorkerScratch _activationGradients = new();
    private Parameter? _weight;
    private Parameter? _bias;
    private Tensor? _output;
    private Tensor? _inputGradient;
    private Tensor? _input;
    private Tensor? _outputGradient;
    private float[] _weightPartials = [];
    private float[] _biasPartials = [];
    private float[] _weightTransposed = [];
    private float[] _gradientTransposed = [];
    private ConvGeometry _g;
    private bool _direct;
    private bool _transposedGradient;
    private GemmActivation _fused;
    private float _fusedSlope;

    /// <summary>Creates a convolution with <paramref name="filters"/> output channels and a square kernel.</summary>
    /// <param name="filters">Output channels F.</param>
    /// <param name="kernelSize">Kernel height and width k.</param>
    /// <param name="stride">Step s between windows (both axes).</param>
    /// <param name="padding">Zeros added on each side p (both axes); <c>k / 2</c> keeps the size for odd k at stride 1.</param>
    /// <param name="useBias">Whether the layer has a bias (unneeded before a batch norm).</param>
    /// <param name="initializer">Weight initialization, with fan-in <c>C k k</c> and fan-out <c>F k k</c>.</param>
    public Conv2D(int filters, int kernelSize = 3, int stride = 1, int padding = 0, bool useBias = true, Initializer initializer = Initializer.HeNormal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(filters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        Filters = filters;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        UseBias = useBias;
        Initializer = initializer;
        _forwardJob = new DelegateJob(ForwardImage);
        _backwardJob = new DelegateJob(BackwardGroup);
    }

    /// <summary>Output channels F.</summary>
    public int Filters { get; }

    /// <summary>Kernel height and width.</summary>
    public int KernelSize { get; }

    /// <summary>Window step on both axes.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public int Padding { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; }

    /// <summary>Weight initialization scheme (biases start at zero).</summary>
    public Initializer Initializer { get; }

    /// <summary>Filters of shape <c>[F, C, k, k]</c>.</summary>
    public Parameter Weight => _weight ?? throw new InvalidOperationException("Conv2D is not built.");

    /// <summary>Bias of shape <c>[F]</c>, or null without bias.</summary>
    public Parameter? Bias => _bias;

    /// <summary>The activation computed in this layer's GEMM epilogue (set by <see cref="Networks.Network.Build"/>), if any.</summary>
    public GemmActivation FusedActivation => _fused;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _bias is null ? [Weight] : [Weight, _bias];

    private int ColumnSize => _g.ColumnRows * _g.ColumnCols;

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        _g = ImageShapes.Window(inputShape, Kind, KernelSize, Stride, Padding);
        var fanIn = _g.ColumnRows;
        _weight = new Parameter("weight", new TensorShape(Filters, _g.Channels, KernelSize, KernelSize), ParameterRole.Weight);
        WeightInitializer.Fill(Initializer, _weight.Value, fanIn, Filters * KernelSize * KernelSize, random);
        _bias = UseBias ? new Parameter("bias", TensorShape.Vector(Filters), ParameterRole.Bias) : null;

        // A 1x1 kernel at stride 1 without padding reads the image itself as its column matrix.
        _direct = KernelSize == 1 && Stride == 1 && Padding == 0;

        // dW^T = cols dY^T wastes no tile columns when the filters fill whole 32-wide tiles; short filters keep
        // their own kernel (see ConvWeightGradient).
        _transposedGradient = fanIn > ConvWeightGradient.MaxRows && Filters % GemmLayout.NR == 0;
        var weightSize = _weight.Value.Length;
        _weightTransposed = new float[weightSize];
        _gradientTransposed = _transposedGradient ? new float[weightSize] : [];
        return ImageShapes.Output(Filters, _g);
    }

    bool IActivationHost.TryFuse(ActivationLayer activation)
    {
        switch (activation)
        {
            case Relu:
                _fused = GemmActivation.Relu;
                _fusedSlope = 0f;
                return true;
            case LeakyRelu leaky:
                _fused = GemmActivation.LeakyRelu;
                _fusedSlope = leaky.Slope;
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        Tensor.Ensure(ref _output, input.Batch, OutputShape);
        _forwardJob.Run(input.Batch, context.Threads);
        return _output!;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        var x = _input ?? throw new InvalidOperationException("Conv2D.Backward called before Forward.");
        var n = x.Batch;
        _outputGradient = outputGradient;
        var groups = (n + GroupSize - 1) / GroupSize;
        var weightSize = Weight.Value.Length;
        if (_weightPartials.Length < groups * weightSize)
        {
            _weightPartials = new float[groups * weightSize];
            _biasPartials = new float[groups * Filters];
        }

        if (NeedsInputGradient)
        {
            Tensor.Ensure(ref _inputGradient, n, InputShape);
            MatrixTranspose.Run(Weight.Value, Filters, _g.ColumnRows, _weightTransposed);
        }

        _backwardJob.Run(groups, context.Threads);

        // Sum the group partials in group order (independent of which thread computed which group).
        if (_transposedGradient)
        {
            SumPartials(_weightPartials, groups, _gradientTransposed);
            MatrixTranspose.Run(_gradientTransposed, _g.ColumnRows, Filters, Weight.Gradient);
        }
        else
        {
            SumPartials(_weightPartials, groups, Weight.Gradient);
        }
        if (_bias is not null)
        {
            SumPartials(_biasPartials, groups, _bias.Gradient);
        }

        _outputGradient = null;
        return NeedsInputGradient ? _inputGradient : null;
    }

    private static void SumPartials(float[] partials, int groups, float[] target)
    {
        var size = target.Length;
        partials.AsSpan(0, size).CopyTo(target);
        for (var group = 1; group < groups; group++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(target, partials.AsSpan(group * size, size), target);
        }
    }

    /// <summary>Forward of image <paramref name="n"/>: <c>Y_n = f(W im2col(X_n) + b)</c>.</summary>
    private void ForwardImage(int n, int worker)
    {
        int k = _g.ColumnRows, p = _g.ColumnCols;
        var x = _input!.Row(n);
        var y = _output!.Row(n);
        ReadOnlySpan<float> cols = x;
        if (!_direct)
        {
            var scratch = _columns.Get(worker, ColumnSize);
            ConvColumns.Forward(_g, x, scratch);
            cols = scratch;
        }

        var epilogue = _bias is null
            ? GemmEpilogue.Activate(_fused, _fusedSlope)
            : GemmEpilogue.RowBias(_bias.Value, _fused, _fusedSlope);
        Gemm.Multiply(false, false, Filters, p, k, 1f, Weight.Value, k, cols, p, 0f, y, p, epilogue, threads: 1);
    }

    /// <summary>Backward of the images of group <paramref name="group"/>: partial dW and db, and dX per image.</summary>
    private void BackwardGroup(int group, int worker)
    {
        int k = _g.ColumnRows, p = _g.ColumnCols;
        var batch = _input!.Batch;
        var first = group * GroupSize;
        var end = Math.Min(batch, first + GroupSize);
        var weightSize = Weight.Value.Length;
        var dw = _weightPartials.AsSpan(group * weightSize, weightSize);
        var db = _biasPartials.AsSpan(group * Filters, Filters);
        for (var n = first; n < end; n++)
        {
            ReadOnlySpan<float> dy = _outputGradient!.Row(n);
            if (_fused != GemmActivation.None)
            {
                // dZ = dY f'(Z), with f' read off the stored output.
                var dz = _activationGradients.Get(worker, dy.Length);
                ActivationKernels.LeakyReluBackward(_output!.Row(n), dy, dz, _fused == GemmActivation.Relu ? 0f : _fusedSlope);
                dy = dz;
            }

            var x = _input.Row(n);
            ReadOnlySpan<float> cols = x;
            if (!_direct)
            {
                // Recomputed rather than kept from forward: one image's columns stay in cache, a batch's would not.
                var scratch = _columns.Get(worker, ColumnSize);
                ConvColumns.Forward(_g, x, scratch);
                cols = scratch;
            }

            if (k <= ConvWeightGradient.MaxRows)
            {
                ConvWeightGradient.Compute(dy, cols, dw, Filters, k, p, accumulate: n != first);
            }
            else if (_transposedGradient)
            {
                Gemm.Multiply(false, true, k, Filters, p, 1f, cols, p, dy, p, n == first ? 0f : 1f, dw, Filters, threads: 1);
            }
            else
            {
                Gemm.Multiply(false, true, Filters, k, p, 1f, dy, p, cols, p, n == first ? 0f : 1f, dw, k, threads: 1);
            }

            if (_bias is not null)
            {
                MatrixReductions.SumRows(dy, Filters, p, p, db, accumulate: n != first);
            }

            if (!NeedsInputGradient)
            {
                continue;
            }

            var dx = _inputGradient!.Row(n);
            if (_direct)
            {
                Gemm.Multiply(false, false, k, p, Filters, 1f, _weightTransposed, Filters, dy, p, 0f, dx, p, threads: 1);
            }
            else
            {
                var dcols = _columnGradients.Get(worker, ColumnSize);
                Gemm.Multiply(false, false, k, p, Filters, 1f, _weightTransposed, Filters, dy, p, 0f, dcols, p, threads: 1);
                ConvColumns.Backward(_g, dcols, dx);
            }
        }
    }

    /// <inheritdoc />
    public string ExportOnnx(OnnxGraphBuilder graph, string input) => Export(graph, input, null);

    /// <summary>A following <see cref="BatchNorm2D"/> is folded into the filters (see <see cref="Export"/>).</summary>
    bool IOnnxFusedExport.TryExportWith(OnnxGraphBuilder graph, string input, Layer next, out string output)
    {
        if (next is BatchNorm2D norm && _fused == GemmActivation.None)
        {
            output = Export(graph, input, norm);
            return true;
        }

        output = input;
        return false;
    }

    /// <summary>
    /// Exports as an ONNX Conv. With <paramref name="foldedNorm"/>, the inference-mode batch norm that follows is
    /// folded in: <c>W'[f] = W[f] s_f</c>, <c>b'_f = (b_f - mean_f) s_f + beta_f</c>, <c>s_f = gamma_f / sqrt(var_f + eps)</c>.
    /// </summary>
    private string Export(OnnxGraphBuilder graph, string input, BatchNorm2D? foldedNorm)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var k = _g.ColumnRows;
        var w = (float[])Weight.Value.Clone();
        var b = _bias is null ? null : (float[])_bias.Value.Clone();
        if (foldedNorm is not null)
        {
            b ??= new float[Filters];
            var (scale, shift) = foldedNorm.InferenceAffine();
            for (var f = 0; f < Filters; f++)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(w.AsSpan(f * k, k), scale[f], w.AsSpan(f * k, k));
                b[f] = (b[f] * scale[f]) + shift[f];
            }
        }

        var inputs = new List<string> { input, graph.AddInitializer("conv_weight", [Filters, _g.Channels, KernelSize, KernelSize], w) };
        if (b is not null)
        {
            inputs.Add(graph.AddInitializer("conv_bias", [Filters], b));
        }

        return graph.AddNode(
            "Conv",
            inputs,
            OnnxAttribute.Ints("kernel_shape", KernelSize, KernelSize),
            OnnxAttribute.Ints("strides", Stride, Stride),
            OnnxAttribute.Ints("pads", Padding, Padding, Padding, Padding));
    }
}
