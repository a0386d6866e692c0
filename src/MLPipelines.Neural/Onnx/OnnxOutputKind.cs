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

    /// <summary>
    /// The logit of the sigmoid probability: the raw output for one network; for averaged ensemble members
    /// (<see cref="OnnxExportOptions.AverageMembers"/>) the logit of their mean probability, so that it is positive
    /// exactly when the averaged probability is above 0.5.
    /// </summary>
    ProbabilityLogit,
}
