using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// Scaled exponential linear unit (Klambauer et al. 2017): <c>y = lambda x</c> for x &gt; 0, else
/// <c>lambda alpha (e^x - 1)</c>, with lambda = 1.0507009873554805, alpha = 1.6732632423543772.
/// Pair with <see cref="Initializers.Initializer.LeCunNormal"/>.
/// </summary>
public sealed class Selu : ActivationLayer, IOnnxExportable
{
    /// <summary>SELU's lambda (scale).</summary>
    public const float Lambda = 1.0507009873554805f;

    /// <summary>SELU's alpha.</summary>
    public const float Alpha = 1.6732632423543772f;

    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) =>
        ElementwiseMap.Apply<ActivationOps.SeluOp>(x, y);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ElementwiseMap.Backward<ActivationOps.SeluBackward>(x, y, dy, dx);

    /// <inheritdoc />
    public string ExportOnnx(OnnxGraphBuilder graph, string input) =>
        graph.AddNode("Selu", [input], OnnxAttribute.Float("alpha", Alpha), OnnxAttribute.Float("gamma", Lambda));
}
