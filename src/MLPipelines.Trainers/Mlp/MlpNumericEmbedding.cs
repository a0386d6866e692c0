namespace MLPipelines.Trainers.Mlp;

/// <summary>How numeric inputs enter the first hidden layer (YAML <c>numeric_embedding</c>).</summary>
public enum MlpNumericEmbedding
{
    /// <summary>As scaled scalars.</summary>
    None,

    /// <summary>
    /// Periodic embeddings, PLR variant ("On Embeddings for Numerical Features in Tabular Deep Learning",
    /// Gorishniy et al. 2022): each numeric input x becomes <c>ReLU(W [sin(2 pi c x), cos(2 pi c x)] + b)</c> with
    /// trainable frequencies c (<see cref="MlpOptions.PeriodicFrequencies"/> of them, initialized from
    /// N(0, <see cref="MlpOptions.PeriodicSigma"/>^2)) and a per-feature linear map to
    /// <see cref="MlpOptions.PeriodicDimension"/> values.
    /// </summary>
    Periodic,
}
