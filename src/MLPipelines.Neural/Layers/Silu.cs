using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>Sigmoid linear unit (swish): <c>y = x s(x)</c>, <c>dy/dx = s(x) (1 + x (1 - s(x)))</c>, s the sigmoid.</summary>
public sealed class Silu : ActivationLayer, IOnnxExportable
{
    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) =>
        ElementwiseMap.Apply<ActivationOps.SiluOp>(x, y);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ElementwiseMap.Backward<ActivationOps.SiluBackward>(x, y, dy, dx);

    /// <summary>Exported as <c>x * Sigmoid(x)</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.AddNode("Mul", [input, graph.AddNode("Sigmoid", [input])]);
    }
}
