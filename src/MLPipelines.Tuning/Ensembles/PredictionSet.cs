namespace MLPipelines.Tuning.Ensembles;

/// <summary>
/// One model's predictions for a fixed list of rows, row-major with <see cref="Width"/> values per row: the
/// probability of the positive class (binary, width 1), the class probabilities (multiclass, width = classes) or
/// the predicted value on the model's scale (regression, width 1). Ensembles average these.
/// </summary>
public sealed class PredictionSet
{
    /// <summary>Wraps <paramref name="values"/> (not copied; treat as immutable once wrapped).</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="width"/>.</exception>
    public PredictionSet(float[] values, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (values.Length % width != 0)
        {
            throw new ArgumentException($"{values.Length} values do not make whole rows of {width}.", nameof(values));
        }

        Values = values;
        Width = width;
    }

    /// <summary>Row-major values.</summary>
    public float[] Values { get; }

    /// <summary>Values per row.</summary>
    public int Width { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Values.Length / Width;

    /// <summary>
    /// The weighted average of <paramref name="members"/> (weights need not sum to 1; they are normalized).
    /// This is how an ensemble predicts rows it never saw (the outer test fold).
    /// </summary>
    /// <exception cref="ArgumentException">No members, mismatched shapes or weights, or weights that do not sum to a positive number.</exception>
    public static PredictionSet Blend(IReadOnlyList<PredictionSet> members, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(weights);
        if (members.Count == 0 || members.Count != weights.Count)
        {
            throw new ArgumentException($"Blending needs one weight per member, got {members.Count} members and {weights.Count} weights.", nameof(weights));
        }

        var total = weights.Sum();
        if (!(total > 0) || weights.Any(w => w < 0 || !double.IsFinite(w)))
        {
            throw new ArgumentException("Blend weights must be finite, non-negative and not all zero.", nameof(weights));
        }

        var first = members[0];
        var sum = new double[first.Values.Length];
        for (var m = 0; m < members.Count; m++)
        {
            var member = members[m];
            if (member.Width != first.Width || member.Values.Length != first.Values.Length)
            {
                throw new ArgumentException($"Member {m} has {member.Rows} rows of {member.Width}, expected {first.Rows} of {first.Width}.", nameof(members));
            }

            var w = weights[m] / total;
            if (w == 0)
            {
                continue;
            }

            var values = member.Values;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += w * values[i];
            }
        }

        return new PredictionSet([.. sum.Select(v => (float)v)], first.Width);
    }
}
