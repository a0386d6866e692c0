namespace MLPipelines.Neural.Layers;

/// <summary>
/// How the per-member scaling adapters of a <see cref="BatchEnsembleDense"/> start (TabM, Gorishniy et al. 2025).
/// Members differ only where their adapters differ, so at least the first layer's input adapter should be random.
/// </summary>
public enum AdapterInitialization
{
    /// <summary>All ones: every member starts as the shared layer.</summary>
    Ones,

    /// <summary>Each value +1 or -1 with equal probability (TabM's choice on plain inputs).</summary>
    RandomSigns,

    /// <summary>Each value from N(0, 1) (TabM's choice after numeric embeddings).</summary>
    Normal,
}
