namespace MLPipelines.Trainers.Mlp;

/// <summary>Where the ensemble members of a TabM-style MLP differ (YAML <c>ensemble</c>; used when <c>ensemble_members</c> &gt; 1).</summary>
public enum MlpEnsemble
{
    /// <summary>
    /// TabM (Gorishniy et al. 2025): every hidden layer is a BatchEnsemble layer, a shared weight with per-member
    /// input and output scaling and bias; only the first layer's input scaling starts random, so the members start as
    /// near copies that diverge through training.
    /// </summary>
    Tabm,

    /// <summary>TabM-mini: one per-member scaling of the first layer's input; all hidden layers are shared.</summary>
    Mini,
}
