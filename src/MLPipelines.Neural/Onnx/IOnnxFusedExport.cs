using MLPipelines.Neural.Layers;

namespace MLPipelines.Neural.Onnx;

/// <summary>
/// A layer whose export can absorb the layer right after it, e.g. a convolution folding the inference-mode
/// batch norm that follows into its filters. <see cref="OnnxExporter"/> asks before exporting the layer alone.
/// </summary>
internal interface IOnnxFusedExport
{
    /// <summary>
    /// Exports this layer together with <paramref name="next"/> and returns true, or returns false (adding nothing)
    /// when it cannot absorb that layer.
    /// </summary>
    bool TryExportWith(OnnxGraphBuilder graph, string input, Layer next, out string output);
}
