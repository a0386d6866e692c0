using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Mish (Misra 2019): <c>y = x tanh(softplus(x))</c>,
/// <c>dy/dx = t + x (1 - t^2) s(x)</c> with t = tanh(softplus(x)) and s the sigmoid.
/// </summary>
public sealed class Mish : ActivationLayer, IOnnxExportable
{
    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) =>
        ElementwiseMap.Apply<ActivationOps.MishOp>(x, y);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ElementwiseMap.Backward<ActivationOps.MishBackward>(x, y, dy, dx);

    /// <summary>Exported as <c>x * Tanh(Softplus(x))</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.AddNode("Mul", [input, graph.AddNode("Tanh", [graph.AddNode("Softplus", [input])])]);
    }
}
