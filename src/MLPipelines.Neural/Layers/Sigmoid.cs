using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>Logistic sigmoid: <c>y = 1 / (1 + e^-x)</c>, <c>dy/dx = y (1 - y)</c>.</summary>
public sealed class Sigmoid : ActivationLayer, IOnnxExportable
{
    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) =>
        ElementwiseMap.Apply<ActivationOps.SigmoidOp>(x, y);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ElementwiseMap.Backward<ActivationOps.SigmoidBackward>(x, y, dy, dx);

    /// <inheritdoc />
    public string ExportOnnx(OnnxGraphBuilder graph, string input) => graph.AddNode("Sigmoid", [input]);
}
