namespace MLPipelines.Neural.Losses;

/// <summary>Mean squared error over all rows x cols: <c>L = mean((y - t)^2)</c>, <c>dL/dy = 2 (y - t) / (rows cols)</c>.</summary>
public sealed class MeanSquaredError : Loss
{
    /// <inheritdoc />
    public override double Evaluate(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols, Span<float> gradient)
    {
        CheckSizes(outputs, targets, rows, cols, gradient);
        var n = rows * cols;
        double total = 0;
        var scale = 2f / n;
        for (var i = 0; i < n; i++)
        {
            var d = outputs[i] - targets[i];
            total += (double)d * d;
            if (!gradient.IsEmpty)
            {
                gradient[i] = d * scale;
            }
        }

        return total / n;
    }
}
