namespace MLPipelines.Neural.Training;

/// <summary>The learning curves and outcome of <see cref="NetworkTrainer.Fit"/>.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(string? metricName) => MetricName = metricName;

    /// <summary>Name of the metric in the records (null when none was given).</summary>
    public string? MetricName { get; }

    /// <summary>One record per completed epoch.</summary>
    public List<EpochRecord> Epochs { get; } = [];

    /// <summary>1-based epoch whose weights the network holds at the end (the best validation loss when restored, else the last).</summary>
    public int BestEpoch { get; internal set; }

    /// <summary>True when early stopping ended training before the last epoch.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>Training samples processed per second of training (excluding validation passes).</summary>
    public double SamplesPerSecond { get; internal set; }
}
