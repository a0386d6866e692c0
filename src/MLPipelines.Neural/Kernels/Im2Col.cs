namespace MLPipelines.Neural.Kernels;

/// <summary>
/// im2col and its adjoint col2im for convolution as a GEMM, on one CHW image.
/// </summary>
/// <remarks>
/// <para>The column matrix has <see cref="ConvGeometry.ColumnRows"/> rows (c, i, j) and
/// <see cref="ConvGeometry.ColumnCols"/> columns (oy, ox), row-major:
/// <c>cols[((c * kh + i) * kw + j) * (outH * outW) + oy * outW + ox] = x[c, oy * sh - ph + i, ox * sw - pw + j]</c>,
/// zero where the index falls in the padding.</para>
/// <para>Convolution with filters W stored [outC, C * kh * kw] is then
/// <c>Y[outC, outH * outW] = W * cols (+ bias per row)</c>: <c>Gemm.Multiply(false, false, outC, outH * outW,
/// C * kh * kw, 1, W, C * kh * kw, cols, outH * outW, 0, Y, outH * outW, GemmEpilogue.RowBias(bias))</c>.
/// Backward: <c>dW += dY * cols^T</c> (transB), <c>dcols = W^T * dY</c> (transA), <c>dX = col2im(dcols)</c>,
/// <c>db = row sums of dY</c> (<see cref="MatrixReductions.SumRows"/>).</para>
/// <para>Both directions are single-threaded with a fixed loop order, so col2im's overlapping sums are deterministic;
/// parallelize over images of a batch (disjoint outputs), not inside one image.</para>
/// </remarks>
public static class Im2Col
{
    /// <summary>Fills <paramref name="columns"/> (ColumnRows x ColumnCols) from the CHW image <paramref name="input"/>.</summary>
    /// <param name="g">Convolution shape.</param>
    /// <param name="input">One image, C x H x W.</param>
    /// <param name="columns">Output matrix; row r starts at <c>r * ldColumns</c>.</param>
    /// <param name="ldColumns">Row stride of <paramref name="columns"/>; 0 = ColumnCols. A batch of N images can share
    /// one matrix of N * ColumnCols columns (one GEMM for the batch): pass <c>columns[(n * ColumnCols)..]</c>
    /// and <c>ldColumns = N * ColumnCols</c>.</param>
    public static void Forward(ConvGeometry g, ReadOnlySpan<float> input, Span<float> columns, int ldColumns = 0)
    {
        ldColumns = Check(g, input.Length, columns.Length, ldColumns);
        int outH = g.OutHeight, outW = g.OutWidth, plane = outH * outW;
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var channel = input.Slice(c * g.Height * g.Width, g.Height * g.Width);
            for (var i = 0; i < g.KernelHeight; i++)
            {
                for (var j = 0; j < g.KernelWidth; j++, row++)
                {
                    var dst = columns.Slice(row * ldColumns, plane);
                    for (var oy = 0; oy < outH; oy++)
                    {
                        var y = (oy * g.StrideH) - g.PadH + i;
                        var dstRow = dst.Slice(oy * outW, outW);
                        if ((uint)y >= (uint)g.Height)
                        {
                            dstRow.Clear();
                            continue;
                        }

                        var srcRow = channel.Slice(y * g.Width, g.Width);
                        var (first, end) = ValidRange(g.Width, outW, g.StrideW, g.PadW, j);
                        dstRow[..first].Clear();
                        dstRow[end..].Clear();
                        if (g.StrideW == 1)
                        {
                            var x0 = first - g.PadW + j;
                            srcRow.Slice(x0, end - first).CopyTo(dstRow[first..end]);
                        }
                        else
                        {
                            for (var ox = first; ox < end; ox++)
                            {
                                dstRow[ox] = srcRow[(ox * g.StrideW) - g.PadW + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// col2im: adds every entry of <paramref name="columns"/> back onto the input pixel it was copied from
    /// (<c>inputGradient[c, y, x] += sum of cols entries that read x[c, y, x]</c>); the adjoint of <see cref="Forward"/>.
    /// </summary>
    /// <param name="g">Convolution shape.</param>
    /// <param name="columns">Gradient of the column matrix; row r starts at <c>r * ldColumns</c>.</param>
    /// <param name="inputGradient">Gradient of one image, C x H x W.</param>
    /// <param name="accumulate">Add to <paramref name="inputGradient"/> instead of overwriting it.</param>
    /// <param name="ldColumns">Row stride of <paramref name="columns"/>; 0 = ColumnCols (see <see cref="Forward"/>).</param>
    public static void Backward(ConvGeometry g, ReadOnlySpan<float> columns, Span<float> inputGradient, bool accumulate = false, int ldColumns = 0)
    {
        ldColumns = Check(g, inputGradient.Length, columns.Length, ldColumns);
        if (!accumulate)
        {
            inputGradient[..g.InputSize].Clear();
        }

        int outH = g.OutHeight, outW = g.OutWidth, plane = outH * outW;
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var channel = inputGradient.Slice(c * g.Height * g.Width, g.Height * g.Width);
            for (var i = 0; i < g.KernelHeight; i++)
            {
                for (var j = 0; j < g.KernelWidth; j++, row++)
                {
                    var src = columns.Slice(row * ldColumns, plane);
                    for (var oy = 0; oy < outH; oy++)
                    {
                        var y = (oy * g.StrideH) - g.PadH + i;
                        if ((uint)y >= (uint)g.Height)
                        {
                            continue;
                        }

                        var dstRow = channel.Slice(y * g.Width, g.Width);
                        var srcRow = src.Slice(oy * outW, outW);
                        var (first, end) = ValidRange(g.Width, outW, g.StrideW, g.PadW, j);
                        for (var ox = first; ox < end; ox++)
                        {
                            dstRow[(ox * g.StrideW) - g.PadW + j] += srcRow[ox];
                        }
                    }
                }
            }
        }
    }

    /// <summary>Output columns [first, end) whose input column <c>ox * stride - pad + j</c> lies inside [0, width).</summary>
    private static (int First, int End) ValidRange(int width, int outW, int stride, int pad, int j)
    {
        // ox * stride >= pad - j  and  ox * stride < width + pad - j
        var low = pad - j;
        var first = low <= 0 ? 0 : (low + stride - 1) / stride;
        var high = width + pad - j;
        var end = high <= 0 ? 0 : Math.Min(outW, (high + stride - 1) / stride);
        return (Math.Min(first, end), end);
    }

    private static int Check(ConvGeometry g, int imageLength, int columnsLength, int ldColumns)
    {
        g.Validate();
        ldColumns = ldColumns == 0 ? g.ColumnCols : ldColumns;
        if (ldColumns < g.ColumnCols)
        {
            throw new ArgumentOutOfRangeException(nameof(ldColumns), ldColumns, $"ldColumns must be at least ColumnCols = {g.ColumnCols}.");
        }

        if (imageLength < g.InputSize)
        {
            throw new ArgumentException($"Image buffer has {imageLength} floats but {g.Channels}x{g.Height}x{g.Width} needs {g.InputSize}.");
        }

        var needed = ((long)(g.ColumnRows - 1) * ldColumns) + g.ColumnCols;
        if (columnsLength < needed)
        {
            throw new ArgumentException($"Column buffer has {columnsLength} floats but {g.ColumnRows}x{g.ColumnCols} with row stride {ldColumns} needs {needed}.");
        }

        return ldColumns;
    }
}
