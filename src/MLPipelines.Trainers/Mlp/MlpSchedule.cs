namespace MLPipelines.Trainers.Mlp;

/// <summary>Learning-rate schedule over all training steps (YAML <c>schedule</c>).</summary>
public enum MlpSchedule
{
    /// <summary>The same rate at every step.</summary>
    Constant,

    /// <summary>
    /// Linear warm-up over <see cref="MlpOptions.WarmupFraction"/> of the steps, then cosine decay to 0:
    /// <c>lr(t) = lr * (1 + cos(pi * (t - w) / (T - w))) / 2</c>.
    /// </summary>
    Cosine,

    /// <summary>One-cycle (Smith 2018): cosine warm-up from lr / 25 to lr over 30% of the steps, then cosine annealing to lr / 25 / 1e4.</summary>
    OneCycle,
}
