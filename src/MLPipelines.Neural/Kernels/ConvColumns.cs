using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// im2col / col2im for the convolution layers: the same results as <see cref="Im2Col"/>, with an AVX-512 path for
/// stride 1 that moves each output row segment with one masked load and store (lanes outside the image are masked:
/// zeros in im2col, untouched in col2im) instead of a bounds-checked copy.
/// </summary>
/// <remarks>
/// col2im adds the entries for each input pixel in the same (i, j, oy) order as <see cref="Im2Col.Backward"/>, and
/// im2col is a copy, so both paths give the same bits.
/// </remarks>
internal static unsafe class ConvColumns
{
    /// <summary>Whether the masked AVX-512 path applies to <paramref name="g"/>.</summary>
    public static bool Fast(ConvGeometry g) =>
        g.StrideH == 1 && g.StrideW == 1 && Avx512F.IsSupported && Vector512.IsHardwareAccelerated && GemmDriver.Isa == GemmIsa.Avx512;

    /// <summary><see cref="Im2Col.Forward"/> into a ColumnRows x ColumnCols matrix (row stride ColumnCols).</summary>
    public static void Forward(ConvGeometry g, ReadOnlySpan<float> input, Span<float> columns)
    {
        if (!Fast(g))
        {
            Im2Col.Forward(g, input, columns);
            return;
        }

        if (input.Length < g.InputSize || columns.Length < g.ColumnRows * g.ColumnCols)
        {
            throw new ArgumentException("Image or column buffer too small for the geometry.");
        }

        fixed (float* x = input)
        fixed (float* cols = columns)
        {
            ForwardAvx512(g, x, cols);
        }
    }

    /// <summary><see cref="Im2Col.Backward"/> (overwriting the image gradient) from a ColumnRows x ColumnCols matrix.</summary>
    public static void Backward(ConvGeometry g, ReadOnlySpan<float> columns, Span<float> inputGradient)
    {
        if (!Fast(g))
        {
            Im2Col.Backward(g, columns, inputGradient);
            return;
        }

        if (inputGradient.Length < g.InputSize || columns.Length < g.ColumnRows * g.ColumnCols)
        {
            throw new ArgumentException("Image or column buffer too small for the geometry.");
        }

        fixed (float* cols = columns)
        fixed (float* dx = inputGradient)
        {
            BackwardAvx512(g, cols, dx);
        }
    }

    private static void ForwardAvx512(ConvGeometry g, float* x, float* cols)
    {
        int h = g.Height, w = g.Width, outH = g.OutHeight, outW = g.OutWidth, plane = outH * outW;
        var lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var channel = x + ((long)c * h * w);
            for (var i = 0; i < g.KernelHeight; i++)
            {
                for (var j = 0; j < g.KernelWidth; j++, row++)
                {
                    var dst = cols + ((long)row * plane);
                    var shift = j - g.PadW; // output column ox reads input column ox + shift
                    for (var oy = 0; oy < outH; oy++)
                    {
                        var y = oy - g.PadH + i;
                        var d = dst + (oy * outW);
                        if ((uint)y >= (uint)h)
                        {
                            for (var ox = 0; ox < outW; ox += 16)
                            {
                                Avx512F.MaskStore(d + ox, StoreMask(lanes, outW - ox), Vector512<float>.Zero);
                            }

                            continue;
                        }

                        var src = channel + (y * w) + shift;
                        for (var ox = 0; ox < outW; ox += 16)
                        {
                            var valid = ValidMask(lanes, ox + shift, w);
                            var v = Avx512F.MaskLoad(src + ox, valid, Vector512<float>.Zero);
                            Avx512F.MaskStore(d + ox, StoreMask(lanes, outW - ox), v);
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// col2im as a gather: each 16-pixel segment of an image row sums its k x k contributions in registers, in the
    /// same (i, j) order as the scatter of <see cref="Im2Col.Backward"/>, and is stored once (a scatter would read and
    /// write the image gradient k x k times). Missing contributions are skipped lane by lane, not added as zeros.
    /// </summary>
    private static void BackwardAvx512(ConvGeometry g, float* cols, float* dx)
    {
        int h = g.Height, w = g.Width, outH = g.OutHeight, outW = g.OutWidth, plane = outH * outW;
        int kh = g.KernelHeight, kw = g.KernelWidth;
        var lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        for (var c = 0; c < g.Channels; c++)
        {
            var channel = dx + ((long)c * h * w);
            var channelCols = cols + ((long)c * kh * kw * plane);
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x += 16)
                {
                    var sum = Vector512<float>.Zero;
                    for (var i = 0; i < kh; i++)
                    {
                        var oy = y + g.PadH - i;
                        if ((uint)oy >= (uint)outH)
                        {
                            continue;
                        }

                        for (var j = 0; j < kw; j++)
                        {
                            // Pixel x + lane came from output column x + lane - (j - padW), when that is inside [0, outW).
                            var ox = x - j + g.PadW;
                            var m = ValidMask(lanes, ox, outW);
                            var s = channelCols + (((long)(i * kw) + j) * plane) + (oy * outW) + ox;
                            var v = Avx512F.MaskLoad(s, m, Vector512<float>.Zero);
                            sum = Vector512.ConditionalSelect(m, sum + v, sum);
                        }
                    }

                    Avx512F.MaskStore(channel + (y * w) + x, StoreMask(lanes, w - x), sum);
                }
            }
        }
    }

    /// <summary>Lanes k with <c>0 &lt;= start + k &lt; width</c> (input column inside the image).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ValidMask(Vector512<int> lanes, int start, int width)
    {
        var column = lanes + Vector512.Create(start);
        var inside = Vector512.GreaterThanOrEqual(column, Vector512<int>.Zero) & Vector512.LessThan(column, Vector512.Create(width));
        return inside.AsSingle();
    }

    /// <summary>Lanes k &lt; <paramref name="count"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> StoreMask(Vector512<int> lanes, int count) =>
        Vector512.LessThan(lanes, Vector512.Create(count)).AsSingle();
}
