using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>Hyperbolic tangent: <c>y = tanh(x)</c>, <c>dy/dx = 1 - y^2</c>.</summary>
public sealed class Tanh : ActivationLayer, IOnnxExportable
{
    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) =>
        System.Numerics.Tensors.TensorPrimitives.Tanh(x, y);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ElementwiseMap.Backward<ActivationOps.TanhBackward>(x, y, dy, dx);

    /// <inheritdoc />
    public string ExportOnnx(OnnxGraphBuilder graph, string input) => graph.AddNode("Tanh", [input]);
}
