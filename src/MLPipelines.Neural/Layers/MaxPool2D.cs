using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Max pooling per channel of images <c>[C, H, W]</c>: <c>y[c, oy, ox] = max of x[c] over the k x k window at
/// (oy s - p, ox s - p)</c>, output <c>[C, (H + 2p - k) / s + 1, (W + 2p - k) / s + 1]</c>; padding never wins.
/// </summary>
/// <remarks>
/// Backward routes each output gradient to the input that won its window (the first maximum in row-major order on
/// ties), remembered per output during a training forward. Images run in parallel on the compute pool.
/// </remarks>
public sealed class MaxPool2D : Layer, IOnnxExportable
{
    private readonly DelegateJob _forwardJob;
    private readonly DelegateJob _backwardJob;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _outputGradient;
    private Tensor? _inputGradient;
    private int[] _argmax = [];
    private bool _training;
    private ConvGeometry _g;

    /// <summary>Creates a max pool with a <paramref name="size"/> x <paramref name="size"/> window.</summary>
    /// <param name="size">Window height and width k.</param>
    /// <param name="stride">Step between windows; 0 = <paramref name="size"/> (non-overlapping windows).</param>
    /// <param name="padding">Padding on each side, at most <c>size / 2</c>.</param>
    public MaxPool2D(int size = 2, int stride = 0, int padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(padding, size / 2);
        Size = size;
        Stride = stride == 0 ? size : stride;
        Padding = padding;
        _forwardJob = new DelegateJob(ForwardImage);
        _backwardJob = new DelegateJob(BackwardImage);
    }

    /// <summary>Window height and width.</summary>
    public int Size { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Padding on each side.</summary>
    public int Padding { get; }

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        _g = ImageShapes.Window(inputShape, Kind, Size, Stride, Padding);
        return ImageShapes.Output(_g.Channels, _g);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        _input = input;
        _training = context.Training;
        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        if (_training && _argmax.Length < y.Length)
        {
            _argmax = new int[y.Data.Length];
        }

        _forwardJob.Run(input.Batch, context.Threads);
        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        if (!_training || _input is null)
        {
            throw new InvalidOperationException("MaxPool2D.Backward needs a preceding training-mode Forward.");
        }

        if (!NeedsInputGradient)
        {
            return null;
        }

        _outputGradient = outputGradient;
        Tensor.Ensure(ref _inputGradient, _input.Batch, InputShape);
        _backwardJob.Run(_input.Batch, context.Threads);
        _outputGradient = null;
        return _inputGradient;
    }

    private void ForwardImage(int n, int worker)
    {
        var outSize = OutputShape.Size;
        var argmax = _training ? _argmax.AsSpan(n * outSize, outSize) : [];
        PoolKernels.MaxForward(_g, _input!.Row(n), _output!.Row(n), argmax);
    }

    private void BackwardImage(int n, int worker)
    {
        var outSize = OutputShape.Size;
        PoolKernels.MaxBackward(_outputGradient!.Row(n), _argmax.AsSpan(n * outSize, outSize), _inputGradient!.Row(n));
    }

    /// <summary>Exports as an ONNX MaxPool.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.AddNode(
            "MaxPool",
            [input],
            OnnxAttribute.Ints("kernel_shape", Size, Size),
            OnnxAttribute.Ints("strides", Stride, Stride),
            OnnxAttribute.Ints("pads", Padding, Padding, Padding, Padding));
    }
}
