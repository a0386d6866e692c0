namespace MLPipelines.Neural.Losses;

/// <summary>
/// Huber loss with threshold delta, averaged over rows x cols: for d = y - t,
/// <c>l = d^2 / 2</c> when |d| &lt;= delta, else <c>delta (|d| - delta / 2)</c>; <c>dl/dy = clamp(d, -delta, delta)</c>.
/// </summary>
public sealed class HuberLoss : Loss
{
    /// <summary>Creates the loss with threshold <paramref name="delta"/> &gt; 0.</summary>
    public HuberLoss(float delta = 1f)
    {
        if (!(delta > 0f) || !float.IsFinite(delta))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Huber delta must be finite and > 0.");
        }

        Delta = delta;
    }

    /// <summary>Threshold between the quadratic and linear parts.</summary>
    public float Delta { get; }

    /// <inheritdoc />
    public override double Evaluate(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols, Span<float> gradient)
    {
        CheckSizes(outputs, targets, rows, cols, gradient);
        var n = rows * cols;
        double total = 0;
        var scale = 1f / n;
        for (var i = 0; i < n; i++)
        {
            var d = outputs[i] - targets[i];
            var a = MathF.Abs(d);
            total += a <= Delta ? 0.5 * d * d : Delta * (a - (0.5 * Delta));
            if (!gradient.IsEmpty)
            {
                gradient[i] = Math.Clamp(d, -Delta, Delta) * scale;
            }
        }

        return total / n;
    }
}
