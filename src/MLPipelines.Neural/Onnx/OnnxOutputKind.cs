namespace MLPipelines.Neural.Onnx;

/// <summary>What a graph output holds, computed from the network's (affine-adjusted) raw output.</summary>
public enum OnnxOutputKind
{
    /// <summary>The raw network output (logits, or the regression value after the output affine map).</summary>
    Raw,

    /// <summary>Softmax over the last axis (class probabilities).</summary>
    Softmax,

    /// <summary>Element-wise logistic sigmoid (binary / multi-label probabilities).</summary>
    Sigmoid,
}
