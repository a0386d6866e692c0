namespace MLPipelines.Core.Trainers;

/// <summary>Diagnostics a trainer records during one fit: the learning curve and named values (e.g. best epoch).</summary>
public sealed class TrainingLog
{
    /// <summary>Per-epoch history; empty for trainers without epochs.</summary>
    public List<EpochRecord> Epochs { get; } = [];

    /// <summary>Named scalar facts about the fit, e.g. <c>best_epoch</c>, <c>stopped_early</c> (1/0).</summary>
    public Dictionary<string, double> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Free-text notes worth showing the user (e.g. "early stopping at epoch 41").</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>One epoch of a learning curve. Metric is the task's primary metric on that split (null if not computed).</summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double? ValidationLoss,
    double? TrainMetric,
    double? ValidationMetric,
    double LearningRate,
    double Seconds);
