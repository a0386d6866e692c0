namespace MLPipelines.Core.Tuning;

/// <summary>Which variants a search keeps (spec key <c>tuning.selection</c>).</summary>
public enum TuningSelection
{
    /// <summary>
    /// Leave the defaults (and the tuned configuration for the ensemble) only when the paired, cross-fitted inner gain
    /// exceeds one standard error: Breiman's 1-SE rule with the defaults as the simpler model.
    /// </summary>
    OneStandardError,

    /// <summary>The best inner score, whatever the margin (the protocol before the rule).</summary>
    Best,
}
