using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>Rectified linear unit: <c>y = max(x, 0)</c>, <c>dy/dx = [x &gt; 0]</c>.</summary>
public sealed class Relu : ActivationLayer, IOnnxExportable
{
    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) => ActivationKernels.LeakyRelu(x, y, 0f);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ActivationKernels.LeakyReluBackward(x, dy, dx, 0f);

    /// <inheritdoc />
    public string ExportOnnx(OnnxGraphBuilder graph, string input) => graph.AddNode("Relu", [input]);
}
