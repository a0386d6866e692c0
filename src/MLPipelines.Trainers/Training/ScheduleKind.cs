namespace MLPipelines.Trainers.Training;

/// <summary>Learning-rate schedule over all training steps of the MLP and the CNN (YAML <c>schedule</c>).</summary>
public enum ScheduleKind
{
    /// <summary>The same rate at every step.</summary>
    Constant,

    /// <summary>
    /// Linear warm-up over <c>warmup_fraction</c> of the steps, then cosine decay to 0:
    /// <c>lr(t) = lr * (1 + cos(pi * (t - w) / (T - w))) / 2</c>.
    /// </summary>
    Cosine,

    /// <summary>
    /// One-cycle (Smith 2018): cosine warm-up from lr / 25 to lr over <c>warmup_fraction</c> of the steps, then cosine
    /// annealing to lr / 25 / 1e4.
    /// </summary>
    OneCycle,
}
