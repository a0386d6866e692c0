using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Onnx;

namespace MLPipelines.Neural.Layers;

/// <summary>Sigmoid linear unit (swish): <c>y = x s(x)</c>, <c>dy/dx = s(x) (1 + x (1 - s(x)))</c>, s the sigmoid.</summary>
public sealed class Silu : ActivationLayer, IOnnxExportable
{
    /// <inheritdoc />
    public override void Apply(ReadOnlySpan<float> x, Span<float> y)
    {
        for (var i = 0; i < y.Length; i++)
        {
            double v = x[i];
            y[i] = (float)(v * ScalarMath.Sigmoid(v));
        }
    }

    /// <inheritdoc />
    public override void Differentiate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (var i = 0; i < dx.Length; i++)
        {
            double v = x[i];
            var s = ScalarMath.Sigmoid(v);
            dx[i] = (float)(dy[i] * s * (1.0 + (v * (1.0 - s))));
        }
    }

    /// <summary>Exported as <c>x * Sigmoid(x)</c>.</summary>
    public string ExportOnnx(OnnxGraphBuilder graph, string input)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.AddNode("Mul", [input, graph.AddNode("Sigmoid", [input])]);
    }
}
