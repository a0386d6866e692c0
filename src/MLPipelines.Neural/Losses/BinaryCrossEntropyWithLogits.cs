namespace MLPipelines.Neural.Losses;

/// <summary>
/// Binary cross-entropy on logits z with targets t in [0, 1], element-wise and averaged over all rows x cols:
/// <c>l = -(p t log s(z) + (1 - t) log(1 - s(z)))</c>, computed stably as
/// <c>(1 - t) z + (1 + (p - 1) t) softplus(-z)</c>, with p the positive-class weight (1 = unweighted).
/// Gradient: <c>dl/dz = (1 - t) s(z) - p t (1 - s(z))</c>, divided by rows x cols.
/// </summary>
public sealed class BinaryCrossEntropyWithLogits : Loss
{
    /// <summary>Creates the loss; <paramref name="positiveWeight"/> &gt; 1 up-weights positives (e.g. negatives / positives).</summary>
    public BinaryCrossEntropyWithLogits(float positiveWeight = 1f)
    {
        if (!(positiveWeight > 0f) || !float.IsFinite(positiveWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(positiveWeight), positiveWeight, "Positive weight must be finite and > 0.");
        }

        PositiveWeight = positiveWeight;
    }

    /// <summary>Weight p of positive targets.</summary>
    public float PositiveWeight { get; }

    /// <inheritdoc />
    public override double Evaluate(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols, Span<float> gradient)
    {
        CheckSizes(outputs, targets, rows, cols, gradient);
        var n = rows * cols;
        var p = PositiveWeight;
        double total = 0;
        var scale = 1f / n;
        for (var i = 0; i < n; i++)
        {
            double z = outputs[i];
            double t = targets[i];
            var softplusNeg = Math.Max(-z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            total += ((1 - t) * z) + ((1 + ((p - 1) * t)) * softplusNeg);
            if (!gradient.IsEmpty)
            {
                var s = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
                gradient[i] = (float)(((1 - t) * s) - (p * t * (1 - s))) * scale;
            }
        }

        return total / n;
    }
}
