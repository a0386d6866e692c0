using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

/// <summary>
/// Resizes one image plane (row-major floats) with <see cref="ResizeMethod.Area"/> or
/// <see cref="ResizeMethod.Bilinear"/>. Both are separable: a weight table per axis, rows first, then columns.
/// </summary>
public static class ImageResizer
{
    /// <summary>
    /// Writes <paramref name="source"/> (<paramref name="sourceHeight"/> x <paramref name="sourceWidth"/>) resized to
    /// <paramref name="target"/> (<paramref name="targetHeight"/> x <paramref name="targetWidth"/>). With equal sizes
    /// it is a copy. Every output is a convex combination of inputs (weights sum to 1), so [0, 1] stays in [0, 1].
    /// </summary>
    public static void Resize(
        ReadOnlySpan<float> source, int sourceHeight, int sourceWidth,
        Span<float> target, int targetHeight, int targetWidth,
        ResizeMethod method)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWidth, 1);
        if (source.Length != sourceHeight * sourceWidth)
        {
            throw new ArgumentException($"Expected {sourceHeight}x{sourceWidth} = {sourceHeight * sourceWidth} values, got {source.Length}.", nameof(source));
        }

        if (target.Length != targetHeight * targetWidth)
        {
            throw new ArgumentException($"Expected {targetHeight}x{targetWidth} = {targetHeight * targetWidth} values, got {target.Length}.", nameof(target));
        }

        if (sourceHeight == targetHeight && sourceWidth == targetWidth)
        {
            source.CopyTo(target);
            return;
        }

        if (method == ResizeMethod.None)
        {
            throw new ArgumentException(
                $"Resize method None cannot turn {sourceHeight}x{sourceWidth} into {targetHeight}x{targetWidth}.", nameof(method));
        }

        var columns = Weights(sourceWidth, targetWidth, method);
        var rows = Weights(sourceHeight, targetHeight, method);
        var temp = new float[sourceHeight * targetWidth];
        for (var y = 0; y < sourceHeight; y++)
        {
            var input = source.Slice(y * sourceWidth, sourceWidth);
            var output = temp.AsSpan(y * targetWidth, targetWidth);
            for (var x = 0; x < targetWidth; x++)
            {
                output[x] = columns.Apply(x, input, 1);
            }
        }

        for (var y = 0; y < targetHeight; y++)
        {
            var output = target.Slice(y * targetWidth, targetWidth);
            for (var x = 0; x < targetWidth; x++)
            {
                output[x] = rows.Apply(y, temp.AsSpan(x), targetWidth);
            }
        }
    }

    /// <summary>Which source positions (and with what weights) make each target position along one axis.</summary>
    private static AxisWeights Weights(int sourceLength, int targetLength, ResizeMethod method) =>
        method == ResizeMethod.Bilinear ? Bilinear(sourceLength, targetLength) : Area(sourceLength, targetLength);

    private static AxisWeights Area(int sourceLength, int targetLength)
    {
        var scale = (double)sourceLength / targetLength;
        var taps = (int)Math.Ceiling(scale) + 1;
        var table = new AxisWeights(targetLength, taps);
        for (var i = 0; i < targetLength; i++)
        {
            var from = i * scale;
            var to = Math.Min((i + 1) * scale, sourceLength);
            var first = (int)Math.Floor(from);
            table.Start[i] = first;
            var count = 0;
            for (var j = first; j < to && j < sourceLength; j++)
            {
                var overlap = Math.Min(j + 1, to) - Math.Max(j, from);
                if (overlap <= 0)
                {
                    continue;
                }

                table.Weight[(i * taps) + (j - first)] = (float)(overlap / (to - from));
                count = j - first + 1;
            }

            table.Count[i] = count;
        }

        return table;
    }

    private static AxisWeights Bilinear(int sourceLength, int targetLength)
    {
        var scale = (double)sourceLength / targetLength;
        var table = new AxisWeights(targetLength, 2);
        for (var i = 0; i < targetLength; i++)
        {
            var position = Math.Clamp(((i + 0.5) * scale) - 0.5, 0, sourceLength - 1);
            var first = (int)Math.Floor(position);
            var fraction = (float)(position - first);
            table.Start[i] = first;
            if (first + 1 < sourceLength && fraction > 0)
            {
                table.Weight[i * 2] = 1 - fraction;
                table.Weight[(i * 2) + 1] = fraction;
                table.Count[i] = 2;
            }
            else
            {
                table.Weight[i * 2] = 1;
                table.Count[i] = 1;
            }
        }

        return table;
    }

    private sealed class AxisWeights(int length, int taps)
    {
        public int[] Start { get; } = new int[length];

        public int[] Count { get; } = new int[length];

        public float[] Weight { get; } = new float[length * taps];

        /// <summary>Weighted sum for target position <paramref name="i"/> over <paramref name="line"/> read with a stride.</summary>
        public float Apply(int i, ReadOnlySpan<float> line, int stride)
        {
            var sum = 0f;
            var start = Start[i];
            var weights = Weight.AsSpan(i * taps, Count[i]);
            for (var k = 0; k < weights.Length; k++)
            {
                sum += weights[k] * line[(start + k) * stride];
            }

            return sum;
        }
    }
}
