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
    public override void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < y.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(v * Math.Tanh(ScalarMath.Softplus(v)));
        }
    }

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (var i = 0; i < dx.Length; i++)
        {
            double v = x[i];
            var t = Math.Tanh(ScalarMath.Softplus(v));
            dx[i] = (float)(dy[i] * (t + (v * (1.0 - (t * t)) * ScalarMath.Sigmoid(v))));
        }
    }

    /// <summary>Exported as <c>x * Tanh(Softplus(x))</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.AddNode("Mul", [input, graph.AddNode("Tanh", [graph.AddNode("Softplus", [input])])]);
    }
}
