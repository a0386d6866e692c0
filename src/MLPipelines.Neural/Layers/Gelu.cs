using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Gaussian error linear unit (exact, erf form, as PyTorch's default):
/// <c>y = x Phi(x) = 0.5 x (1 + erf(x / sqrt 2))</c>, <c>dy/dx = Phi(x) + x phi(x)</c> with phi the standard normal density.
/// </summary>
public sealed class Gelu : ActivationLayer, IOnnxExportable
{
    private const double InvSqrt2 = 0.70710678118654752440;

    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) =>
        ElementwiseMap.Apply<ActivationOps.GeluOp>(x, y);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ElementwiseMap.Backward<ActivationOps.GeluBackward>(x, y, dy, dx);

    /// <summary>Exported in opset-13 primitives (Gelu is an op only from opset 20): <c>x * 0.5 * (1 + Erf(x / sqrt 2))</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var scaled = graph.AddNode("Mul", [input, graph.AddScalar("gelu_inv_sqrt2", (float)InvSqrt2)]);
        var erf = graph.AddNode("Erf", [scaled]);
        var onePlus = graph.AddNode("Add", [erf, graph.AddScalar("gelu_one", 1f)]);
        var half = graph.AddNode("Mul", [input, graph.AddScalar("gelu_half", 0.5f)]);
        return graph.AddNode("Mul", [half, onePlus]);
    }
}
