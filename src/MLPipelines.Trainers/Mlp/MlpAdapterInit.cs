namespace MLPipelines.Trainers.Mlp;

/// <summary>How the first layer's per-member input scaling starts (YAML <c>adapter_init</c>), one value per input feature and member.</summary>
public enum MlpAdapterInit
{
    /// <summary>TabM's rule: <see cref="Normal"/> after numeric embeddings, <see cref="RandomSigns"/> on plain inputs.</summary>
    Auto,

    /// <summary>+1 or -1 with equal probability.</summary>
    RandomSigns,

    /// <summary>N(0, 1).</summary>
    Normal,
}
