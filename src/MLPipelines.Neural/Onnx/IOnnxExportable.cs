namespace MLPipelines.Neural.Onnx;

/// <summary>
/// A layer that can write itself into an ONNX graph (in inference mode). Tensors in the graph are
/// [N, features...], matching the layer's per-sample shapes with a leading batch dimension.
/// </summary>
public interface IOnnxExportable
{
    /// <summary>Adds the layer's nodes reading tensor <paramref name="input"/>; returns the output tensor's name.</summary>
    string ExportOnnx(OnnxGraphBuilder graph, string input);
}
