namespace MLPipelines.Trainers.Mlp;

/// <summary>Per-class loss weights (YAML <c>class_weights</c>); classification only.</summary>
public enum MlpClassWeights
{
    /// <summary>Every row counts the same: the loss matches accuracy and log-loss, the metrics a run compares.</summary>
    None,

    /// <summary>
    /// Weights <c>n / (K n_k)</c>, so every class carries the same total weight: better recall on rare classes
    /// (and balanced accuracy), at the price of plain accuracy.
    /// </summary>
    Balanced,
}
