namespace MLPipelines.Neural.Losses;

/// <summary>How the k members' outputs of an ensemble network become one prediction (TabM: probabilities, not logits).</summary>
public enum EnsembleAveraging
{
    /// <summary>Mean of the members' values (regression).</summary>
    Values,

    /// <summary>Mean of the members' softmax probabilities (multiclass).</summary>
    SoftmaxProbabilities,

    /// <summary>Mean of the members' sigmoid probabilities, per output (binary).</summary>
    SigmoidProbabilities,
}
