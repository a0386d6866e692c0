using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Reshapes samples of any shape (e.g. images <c>[C, H, W]</c>) into flat samples <c>[C H W]</c> in row-major order,
/// as PyTorch <c>Flatten</c> and ONNX <c>Flatten(axis = 1)</c> do. No data moves: the output shares the input's
/// buffer (and dX shares dY's), so the layer costs nothing.
/// </summary>
public sealed class Flatten : Layer, IOnnxExportable
{
    private Tensor? _output;
    private Tensor? _inputGradient;

    /// <inheritdoc />
    protected override TensorShape OnBuild(TensorShape inputShape, Random random) => TensorShape.Vector(inputShape.Size);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, PassContext context)
    {
        CheckInput(input);
        return View(ref _output, input, OutputShape);
    }

    /// <inheritdoc />
    public override Tensor? Backward(Tensor outputGradient, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        return NeedsInputGradient ? View(ref _inputGradient, outputGradient, InputShape) : null;
    }

    /// <summary>A tensor of <paramref name="shape"/> over <paramref name="source"/>'s buffer, re-created only when the buffer changes.</summary>
    private static Tensor View(ref Tensor? view, Tensor source, TensorShape shape)
    {
        if (view is null || !ReferenceEquals(view.Data, source.Data))
        {
            view = Tensor.Wrap(source.Data, source.Batch, shape);
        }
        else
        {
            view.Resize(source.Batch);
        }

        return view;
    }

    /// <summary>Exports as ONNX Flatten with <c>axis = 1</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.AddNode("Flatten", [input], OnnxAttribute.Int("axis", 1));
    }
}
