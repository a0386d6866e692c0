using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Global average pooling: images <c>[C, H, W]</c> to flat samples <c>[C]</c>, <c>y[c] = mean of x[c, :, :]</c>
/// (PyTorch <c>AdaptiveAvgPool2d(1)</c> + <c>Flatten</c>), so a Dense layer can follow directly.
/// Backward: <c>dx[c, i, j] = dy[c] / (H W)</c>.
/// </summary>
public sealed class GlobalAvgPool : Layer, IOnnxExportable
{
    private readonly DelegateJob _forwardJob;
    private readonly DelegateJob _backwardJob;
    private Tensor? _input;
    private Tensor? _output;
    private Tensor? _outputGradient;
    private Tensor? _inputGradient;
    private int _channels;
    private int _plane;

    /// <summary>Creates the layer.</summary>
    public GlobalAvgPool()
    {
        _forwardJob = new DelegateJob(ForwardImage);
        _backwardJob = new DelegateJob(BackwardImage);
    }

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random)
    {
        var (c, h, w) = ImageShapes.Require(inputShape, Kind);
        _channels = c;
        _plane = h * w;
        return TensorShape.Vector(c);
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

    private void ForwardImage(int n, int worker)
    {
        var x = _input!.Row(n);
        var y = _output!.Row(n);
        for (var c = 0; c < _channels; c++)
        {
            y[c] = TensorPrimitives.Sum<float>(x.Slice(c * _plane, _plane)) / _plane;
        }
    }

    private void BackwardImage(int n, int worker)
    {
        var dy = _outputGradient!.Row(n);
        var dx = _inputGradient!.Row(n);
        for (var c = 0; c < _channels; c++)
        {
            dx.Slice(c * _plane, _plane).Fill(dy[c] / _plane);
        }
    }

    /// <summary>Exports as ONNX GlobalAveragePool (<c>[N, C, 1, 1]</c>) then Flatten to <c>[N, C]</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var pooled = graph.AddNode("GlobalAveragePool", [input]);
        return graph.AddNode("Flatten", [pooled], OnnxAttribute.Int("axis", 1));
    }
}
