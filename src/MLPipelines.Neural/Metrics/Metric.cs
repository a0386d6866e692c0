namespace MLPipelines.Neural.Metrics;

/// <summary>A quality measure accumulated over batches: <see cref="Reset"/>, <see cref="Update"/> per batch, then <see cref="Result"/>.</summary>
public abstract class Metric
{
    /// <summary>Short name (e.g. <c>accuracy</c>).</summary>
    public abstract string Name { get; }

    /// <summary>True when larger values are better.</summary>
    public abstract bool HigherIsBetter { get; }

    /// <summary>Clears the accumulated state.</summary>
    public abstract void Reset();

    /// <summary>Adds a batch of network outputs (rows x cols) and targets.</summary>
    public abstract void Update(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols);

    /// <summary>The value over everything added since <see cref="Reset"/> (NaN when nothing was added).</summary>
    public abstract double Result { get; }
}
