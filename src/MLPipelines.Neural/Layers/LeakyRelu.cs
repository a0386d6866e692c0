using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>Leaky ReLU: <c>y = x</c> for x &gt; 0, else <c>slope * x</c>.</summary>
public sealed class LeakyRelu : ActivationLayer, IOnnxExportable
{
    /// <summary>Creates a leaky ReLU with the given negative-side slope (PyTorch default 0.01).</summary>
    public LeakyRelu(float slope = 0.01f)
    {
        if (!float.IsFinite(slope) || slope < 0f)
        {
            throw new ArgumentOutOfRangeException(nameof(slope), slope, "Slope must be finite and >= 0.");
        }

        Slope = slope;
    }

    /// <summary>Slope for negative inputs.</summary>
    public float Slope { get; }

    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y) => ActivationKernels.LeakyRelu(x, y, Slope);

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) =>
        ActivationKernels.LeakyReluBackward(x, dy, dx, Slope);

    /// <inheritdoc />
    public string ExportOnnx(OnnxGraphBuilder graph, string input) => graph.AddNode("LeakyRelu", [input], OnnxAttribute.Float("alpha", Slope));
}
