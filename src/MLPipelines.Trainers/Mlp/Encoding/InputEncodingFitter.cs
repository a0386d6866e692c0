namespace MLPipelines.Trainers.Mlp.Encoding;

/// <summary>Fits an <see cref="InputEncoding"/> on training rows.</summary>
internal static class InputEncodingFitter
{
    /// <summary>
    /// Statistics per numeric slot from the non-missing values of <paramref name="features"/> (row-major,
    /// <paramref name="width"/> per row). Slots inside <paramref name="blocks"/> are categorical: blocks wider than
    /// <paramref name="embeddingThreshold"/> are embedded, the others stay one-hot.
    /// </summary>
    /// <param name="scaling">Resolved scaling: <see cref="MlpInputScaling.RobustClip"/>, <see cref="MlpInputScaling.Standard"/> or <see cref="MlpInputScaling.None"/>.</param>
    public static InputEncoding Fit(
        ReadOnlySpan<float> features, int width, IReadOnlyList<CategoricalBlock> blocks, MlpInputScaling scaling, int embeddingThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var rows = features.Length / width;
        var categorical = new bool[width];
        var oneHot = new List<int>();
        var embedded = new List<CategoricalBlock>();
        foreach (var block in blocks.OrderBy(b => b.Start))
        {
            if (block.Start < 0 || block.End >= width || block.Width < 1)
            {
                throw new ArgumentException($"Categorical slot range [{block.Start}, {block.End}] is outside the {width} feature slots.", nameof(blocks));
            }

            for (var s = block.Start; s <= block.End; s++)
            {
                if (categorical[s])
                {
                    throw new ArgumentException($"Categorical slot ranges overlap at slot {s}.", nameof(blocks));
                }

                categorical[s] = true;
            }

            if (block.Width > embeddingThreshold)
            {
                embedded.Add(block);
            }
            else
            {
                oneHot.AddRange(Enumerable.Range(block.Start, block.Width));
            }
        }

        var numeric = Enumerable.Range(0, width).Where(s => !categorical[s]).ToArray();
        var fill = new float[numeric.Length];
        var shift = new float[numeric.Length];
        var scale = new float[numeric.Length];
        var logScale = new float[numeric.Length];
        var values = new float[rows];
        for (var j = 0; j < numeric.Length; j++)
        {
            var count = 0;
            for (var i = 0; i < rows; i++)
            {
                var v = features[(i * width) + numeric[j]];
                if (!float.IsNaN(v))
                {
                    values[count++] = v;
                }
            }

            var column = values.AsSpan(0, count);
            column.Sort();
            var median = count == 0 ? 0f : Quantile(column, 0.5);
            fill[j] = median;
            (shift[j], scale[j]) = scaling switch
            {
                MlpInputScaling.RobustClip or MlpInputScaling.RobustLogClip => (median, RobustScale(column)),
                MlpInputScaling.Standard => Standard(column),
                _ => (0f, 1f),
            };
            if (scaling == MlpInputScaling.RobustLogClip && count > 0 && Quantile(column, 0.25) == Quantile(column, 0.75) && scale[j] > 0)
            {
                logScale[j] = LogScale(column, median);
                scale[j] = logScale[j] > 0 ? 0f : scale[j];
            }
        }

        var clip = scaling is MlpInputScaling.RobustClip or MlpInputScaling.RobustLogClip;
        return new InputEncoding(width, numeric, fill, shift, scale, clip, [.. oneHot], [.. embedded], logScale);
    }

    /// <summary>1 / (median of |x - median| over the values that differ from the median), 0 if none does.</summary>
    private static float LogScale(ReadOnlySpan<float> sorted, float median)
    {
        var deviations = new List<float>();
        foreach (var v in sorted)
        {
            if (v != median)
            {
                deviations.Add(Math.Abs(v - median));
            }
        }

        if (deviations.Count == 0)
        {
            return 0f;
        }

        deviations.Sort();
        var s = Quantile(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(deviations), 0.5);
        return s > 0 && float.IsFinite(s) ? 1f / s : 0f;
    }

    /// <summary>Quantile of sorted values with linear interpolation (numpy's default).</summary>
    internal static float Quantile(ReadOnlySpan<float> sorted, double p)
    {
        var position = (sorted.Length - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return (float)(sorted[lower] + ((position - lower) * ((double)sorted[upper] - sorted[lower])));
    }

    /// <summary>1 / IQR; when the quartiles coincide, 1 / ((max - min) / 2); 0 for a constant column.</summary>
    private static float RobustScale(ReadOnlySpan<float> sorted)
    {
        if (sorted.Length == 0)
        {
            return 0f;
        }

        double spread = Quantile(sorted, 0.75) - Quantile(sorted, 0.25);
        if (spread == 0)
        {
            spread = 0.5 * ((double)sorted[^1] - sorted[0]);
        }

        return spread > 0 && double.IsFinite(spread) ? (float)(1 / spread) : 0f;
    }

    private static (float Shift, float Scale) Standard(ReadOnlySpan<float> values)
    {
        if (values.Length == 0)
        {
            return (0f, 0f);
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;
        double squares = 0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        var std = Math.Sqrt(squares / values.Length);
        return ((float)mean, std > 0 && double.IsFinite(std) ? (float)(1 / std) : 0f);
    }
}
