using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// <c>dW[f, r] (+)= sum over p of dY[f, p] cols[r, p]</c> for convolutions whose filters are short (few rows r, e.g.
/// the first layer of a grayscale network, C k k = 9): a GEMM would compute that as a 32-column tile mostly wasted,
/// here each dY row is read once against up to 8 column rows at a time.
/// </summary>
/// <remarks>Per (f, r) the sum runs in a fixed lane-then-tail order, independent of threads.</remarks>
internal static unsafe class ConvWeightGradient
{
    /// <summary>Filter rows up to which this kernel beats the GEMM (one 32-wide GEMM tile would be mostly padding).</summary>
    public const int MaxRows = 16;

    /// <summary>Whether the vector kernel is available.</summary>
    public static bool Supported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated && GemmDriver.Isa == GemmIsa.Avx512;

    /// <summary>dW = dY cols^T (or += with <paramref name="accumulate"/>); dY is filters x p, cols is rows x p, dW filters x rows.</summary>
    public static void Compute(ReadOnlySpan<float> dy, ReadOnlySpan<float> cols, Span<float> dw, int filters, int rows, int p, bool accumulate)
    {
        if (dy.Length < filters * p || cols.Length < rows * p || dw.Length < filters * rows)
        {
            throw new ArgumentException("Buffers too small for the weight-gradient shape.");
        }

        if (!Supported)
        {
            Gemm.Multiply(false, true, filters, rows, p, 1f, dy, p, cols, p, accumulate ? 1f : 0f, dw, rows, threads: 1);
            return;
        }

        fixed (float* pdy = dy)
        fixed (float* pc = cols)
        fixed (float* pdw = dw)
        {
            for (var f = 0; f < filters; f++)
            {
                for (var r0 = 0; r0 < rows; r0 += 4)
                {
                    Block(pdy + ((long)f * p), pc + ((long)r0 * p), pdw + (f * rows) + r0, Math.Min(4, rows - r0), p, accumulate);
                }
            }
        }
    }

    /// <summary>Up to four dot products of one dY row with consecutive column rows.</summary>
    private static void Block(float* dy, float* cols, float* dw, int count, int p, bool accumulate)
    {
        var a0 = Vector512<float>.Zero;
        var a1 = Vector512<float>.Zero;
        var a2 = Vector512<float>.Zero;
        var a3 = Vector512<float>.Zero;
        float* c0 = cols, c1 = cols + (count > 1 ? p : 0), c2 = cols + (count > 2 ? 2 * p : 0), c3 = cols + (count > 3 ? 3 * p : 0);
        var k = 0;
        for (; k <= p - 16; k += 16)
        {
            var g = Vector512.Load(dy + k);
            a0 = Vector512.FusedMultiplyAdd(g, Vector512.Load(c0 + k), a0);
            a1 = Vector512.FusedMultiplyAdd(g, Vector512.Load(c1 + k), a1);
            a2 = Vector512.FusedMultiplyAdd(g, Vector512.Load(c2 + k), a2);
            a3 = Vector512.FusedMultiplyAdd(g, Vector512.Load(c3 + k), a3);
        }

        if (k < p)
        {
            var mask = Vector512.LessThan(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(p - k)).AsSingle();
            var g = Avx512F.MaskLoad(dy + k, mask, Vector512<float>.Zero);
            a0 = Vector512.FusedMultiplyAdd(g, Avx512F.MaskLoad(c0 + k, mask, Vector512<float>.Zero), a0);
            a1 = Vector512.FusedMultiplyAdd(g, Avx512F.MaskLoad(c1 + k, mask, Vector512<float>.Zero), a1);
            a2 = Vector512.FusedMultiplyAdd(g, Avx512F.MaskLoad(c2 + k, mask, Vector512<float>.Zero), a2);
            a3 = Vector512.FusedMultiplyAdd(g, Avx512F.MaskLoad(c3 + k, mask, Vector512<float>.Zero), a3);
        }

        Span<float> sums = [Vector512.Sum(a0), Vector512.Sum(a1), Vector512.Sum(a2), Vector512.Sum(a3)];
        for (var r = 0; r < count; r++)
        {
            dw[r] = accumulate ? dw[r] + sums[r] : sums[r];
        }
    }
}
