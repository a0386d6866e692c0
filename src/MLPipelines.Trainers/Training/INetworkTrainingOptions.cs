namespace MLPipelines.Trainers.Training;

/// <summary>
/// The training settings the MLP and the CNN share (same YAML names and meaning; each options class declares them
/// with its own defaults). <see cref="NetworkTrainingSetup"/> turns them into the engine's optimizer, schedule and
/// training options in one place, so the two trainers cannot drift apart.
/// </summary>
public interface INetworkTrainingOptions
{
    /// <summary><c>epochs</c>: most passes over the training rows.</summary>
    int Epochs { get; }

    /// <summary><c>batch_size</c>: rows per optimizer step.</summary>
    int BatchSize { get; }

    /// <summary><c>optimizer</c>.</summary>
    OptimizerKind Optimizer { get; }

    /// <summary><c>learning_rate</c>: peak learning rate of the schedule.</summary>
    double LearningRate { get; }

    /// <summary><c>weight_decay</c>: decoupled (adamw) or L2 (sgd, adam), never on biases or norms.</summary>
    double WeightDecay { get; }

    /// <summary><c>schedule</c>.</summary>
    ScheduleKind Schedule { get; }

    /// <summary><c>warmup_fraction</c>: share of the steps spent warming up (cosine and one_cycle).</summary>
    double WarmupFraction { get; }

    /// <summary><c>momentum</c>: SGD momentum (Nesterov when &gt; 0).</summary>
    double Momentum { get; }

    /// <summary><c>gradient_clip</c>: global gradient norm clip; 0 = none.</summary>
    double GradientClip { get; }

    /// <summary><c>validation_fraction</c>: share held out for best-epoch selection and early stopping.</summary>
    double ValidationFraction { get; }

    /// <summary><c>early_stopping</c>.</summary>
    bool EarlyStopping { get; }

    /// <summary><c>patience</c>: epochs without improvement before early stopping.</summary>
    int Patience { get; }

    /// <summary><c>threads</c>: kernel threads; null = all cores.</summary>
    int? Threads { get; }
}
