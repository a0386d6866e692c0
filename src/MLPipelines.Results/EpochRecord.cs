namespace MLPipelines.Results;

/// <summary>One epoch of a learning curve. Metric is the task's primary metric on that split (null if not computed).</summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double? ValidationLoss,
    double? TrainMetric,
    double? ValidationMetric,
    double LearningRate,
    double Seconds);
