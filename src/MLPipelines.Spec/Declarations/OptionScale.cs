namespace MLPipelines.Spec.Declarations;

/// <summary>How a numeric option's values are spread: what a step of the same size means.</summary>
public enum OptionScale
{
    /// <summary>Differences matter (fractions, counts of a similar size).</summary>
    Linear,

    /// <summary>Ratios matter (learning rates, regularization strengths, counts over decades).</summary>
    Log,
}
