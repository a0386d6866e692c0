using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Average pooling per channel of images <c>[C, H, W]</c>: <c>y[c, oy, ox] = mean of x[c] over the window's pixels
/// inside the image</c> (padding is not counted: PyTorch <c>count_include_pad=False</c>, ONNX <c>count_include_pad=0</c>),
/// output <c>[C, (H + 2p - k) / s + 1, (W + 2p - k) / s + 1]</c>. Backward spreads each gradient evenly over its window.
/// </summary>
public sealed class AvgPool2D : Layer, IOnnxExportable
{
    private readonly DelegateJob _forwardJob;
    private readonly DelegateJob _backwardJob;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _outputGradient;
    private Tensor? _inputGradient;
    private ConvGeometry _g;

    /// <summary>Creates an average pool with a <paramref name="size"/> x <paramref name="size"/> window.</summary>
    /// <param name="size">Window height and width k.</param>
    /// <param name="stride">Step between windows; 0 = <paramref name="size"/> (non-overlapping windows).</param>
    /// <param name="padding">Padding on each side, at most <c>size / 2</c>.</param>
    public AvgPool2D(int size = 2, int stride = 0, int padding = 0)
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
        var y = Tensor.Ensure(ref _output, input.Batch, OutputShape);
        _forwardJob.Run(input.Batch, context.Threads);
        return y;
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        if (!NeedsInputGradient)
        {
            return null;
        }

        var n = outputGradient.Batch;
        _outputGradient = outputGradient;
        Tensor.Ensure(ref _inputGradient, n, InputShape);
        _backwardJob.Run(n, context.Threads);
        _outputGradient = null;
        return _inputGradient;
    }

    private void ForwardImage(int n, int worker) => PoolKernels.AverageForward(_g, _input!.Row(n), _output!.Row(n));

    private void BackwardImage(int n, int worker) => PoolKernels.AverageBackward(_g, _outputGradient!.Row(n), _inputGradient!.Row(n));

    /// <summary>Exports as an ONNX AveragePool with <c>count_include_pad = 0</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.AddNode(
            "AveragePool",
            [input],
            OnnxAttribute.Ints("kernel_shape", Size, Size),
            OnnxAttribute.Ints("strides", Stride, Stride),
            OnnxAttribute.Ints("pads", Padding, Padding, Padding, Padding),
            OnnxAttribute.Int("count_include_pad", 0));
    }
}
