namespace MLPipelines.Neural.Onnx;

/// <summary>A named graph output of shape [N, k] (never rank 0: ML.NET's OnnxTransformer needs rank 2).</summary>
public sealed record OnnxOutput(string Name, OnnxOutputKind Kind);
