namespace MLPipelines.Tuning.Trials;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    /// <summary>Trained on every inner split and scored.</summary>
    Finished,

    /// <summary>A fit failed (e.g. a configuration the trainer rejects or that diverges); it scores nothing and is never chosen.</summary>
    Failed,
}
