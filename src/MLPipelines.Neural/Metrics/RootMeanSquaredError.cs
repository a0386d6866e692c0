namespace MLPipelines.Neural.Metrics;

/// <summary>Root mean squared error over all outputs: <c>sqrt(mean((y - t)^2))</c>.</summary>
public sealed class RootMeanSquaredError : Metric
{
    private double _sum;
    private long _count;

    /// <inheritdoc />
    public override string Name => "rmse";

    /// <inheritdoc />
    public override bool HigherIsBetter => false;

    /// <inheritdoc />
    public override void Reset() => (_sum, _count) = (0, 0);

    /// <inheritdoc />
    public override void Update(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols)
    {
        var n = rows * cols;
        for (var i = 0; i < n; i++)
        {
            double d = outputs[i] - targets[i];
            _sum += d * d;
        }

        _count += n;
    }

    /// <inheritdoc />
    public override double Result => _count == 0 ? double.NaN : Math.Sqrt(_sum / _count);
}
