namespace MLPipelines.Trainers.Cnn;

/// <summary>Learning-rate schedule of the CNN over all training steps (YAML <c>schedule</c>).</summary>
public enum CnnSchedule
{
    /// <summary>The same rate at every step.</summary>
    Constant,

    /// <summary>
    /// Linear warm-up over <see cref="CnnOptions.WarmupFraction"/> of the steps, then cosine decay to 0:
    /// <c>lr(t) = lr * (1 + cos(pi * (t - w) / (T - w))) / 2</c>.
    /// </summary>
    Cosine,

    /// <summary>
    /// One-cycle (Smith 2018): cosine warm-up from <c>lr / 25</c> to <c>lr</c> over <see cref="CnnOptions.WarmupFraction"/>
    /// of the steps, then cosine annealing to <c>lr / 25 / 1e4</c>.
    /// </summary>
    OneCycle,
}
