namespace MLPipelines.Neural.Training;

/// <summary>
/// One epoch of a learning curve. Train loss/metric are averaged over the epoch's mini-batches (training mode);
/// validation values come from an inference pass after the epoch (null without validation data).
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double? TrainMetric,
    double? ValidationLoss,
    double? ValidationMetric,
    float LearningRate,
    double Seconds);
