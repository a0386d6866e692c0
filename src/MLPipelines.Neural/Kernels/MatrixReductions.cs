using System.Numerics.Tensors;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Row and column sums of a row-major matrix, e.g. bias gradients: <c>db[j] = sum_i dY[i, j]</c> for a
/// Dense layer (<see cref="SumColumns"/>) or <c>db[c] = sum_p dY[c, p]</c> for a convolution (<see cref="SumRows"/>).
/// </summary>
/// <remarks>Single-threaded and deterministic: the summation order depends only on the shape.</remarks>
public static class MatrixReductions
{
    /// <summary>
    /// <c>sums[j] = sum over i of x[i * ld + j]</c> for j &lt; cols (or <c>+=</c> when <paramref name="accumulate"/>),
    /// adding rows in increasing i order.
    /// </summary>
    /// <param name="x">Row-major matrix, rows x cols, leading dimension <paramref name="ld"/>.</param>
    /// <param name="rows">Number of rows summed.</param>
    /// <param name="cols">Number of columns (length of <paramref name="sums"/> used).</param>
    /// <param name="ld">Row stride of <paramref name="x"/> (at least cols).</param>
    /// <param name="sums">Output, length at least cols.</param>
    /// <param name="accumulate">Add to <paramref name="sums"/> instead of overwriting it.</param>
    public static void SumColumns(ReadOnlySpan<float> x, int rows, int cols, int ld, Span<float> sums, bool accumulate = false)
    {
        CheckMatrix(x, rows, cols, ld);
        if (sums.Length < cols)
        {
            throw new ArgumentException($"sums has length {sums.Length} but needs cols = {cols}.", nameof(sums));
        }

        var target = sums[..cols];
        if (!accumulate)
        {
            target.Clear();
        }

        for (var i = 0; i < rows; i++)
        {
            TensorPrimitives.Add(target, x.Slice(i * ld, cols), target);
        }
    }

    /// <summary>
    /// <c>sums[i] = sum over j of x[i * ld + j]</c> for i &lt; rows (or <c>+=</c> when <paramref name="accumulate"/>).
    /// </summary>
    /// <param name="x">Row-major matrix, rows x cols, leading dimension <paramref name="ld"/>.</param>
    /// <param name="rows">Number of rows (length of <paramref name="sums"/> used).</param>
    /// <param name="cols">Number of columns summed.</param>
    /// <param name="ld">Row stride of <paramref name="x"/> (at least cols).</param>
    /// <param name="sums">Output, length at least rows.</param>
    /// <param name="accumulate">Add to <paramref name="sums"/> instead of overwriting it.</param>
    public static void SumRows(ReadOnlySpan<float> x, int rows, int cols, int ld, Span<float> sums, bool accumulate = false)
    {
        CheckMatrix(x, rows, cols, ld);
        if (sums.Length < rows)
        {
            throw new ArgumentException($"sums has length {sums.Length} but needs rows = {rows}.", nameof(sums));
        }

        for (var i = 0; i < rows; i++)
        {
            var s = TensorPrimitives.Sum(x.Slice(i * ld, cols));
            sums[i] = accumulate ? sums[i] + s : s;
        }
    }

    private static void CheckMatrix(ReadOnlySpan<float> x, int rows, int cols, int ld)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (ld < cols)
        {
            throw new ArgumentOutOfRangeException(nameof(ld), ld, $"ld is {ld} but must be at least cols = {cols}.");
        }

        var needed = rows == 0 || cols == 0 ? 0L : ((long)(rows - 1) * ld) + cols;
        if (x.Length < needed)
        {
            throw new ArgumentException($"x has length {x.Length} but a {rows} x {cols} matrix with ld {ld} needs {needed}.", nameof(x));
        }
    }
}
