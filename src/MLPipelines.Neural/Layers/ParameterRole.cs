namespace MLPipelines.Neural.Layers;

/// <summary>What a parameter does; optimizers apply weight decay to <see cref="Weight"/> and <see cref="Embedding"/> only.</summary>
public enum ParameterRole
{
    /// <summary>A weight matrix or kernel (decayed).</summary>
    Weight,

    /// <summary>An additive bias (not decayed).</summary>
    Bias,

    /// <summary>A normalization scale or shift (not decayed).</summary>
    Normalization,

    /// <summary>An embedding table (decayed).</summary>
    Embedding,
}
