using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Variant of <see cref="GemmKernel512"/> that reads A in place from row-major storage (8 rows, each
/// contiguous in k) instead of from a packed panel, for blocks where packing A would not pay for itself.
/// Same accumulators, same fma order, same store, so the same bits.
/// </summary>
internal static unsafe class GemmKernel512RowsA
{
    /// <summary>
    /// As <see cref="GemmKernel512.Tile"/>, with op(A)[r, p] = <c>a[r * lda + p]</c> for the tile's 8 rows.
    /// </summary>
    /// <param name="a">Row 0, column p0 of the tile's A rows.</param>
    /// <param name="lda">Floats between consecutive rows of A.</param>
    /// <param name="cols">Columns of the tile inside C (32 for a whole tile); the tile always has all 8 rows.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(float* a, nint lda, float* bp, nint bStride, int kc, float* c, int ldc, int cols, in GemmTileStore store, float* columnBias, float* rowBias)
    {
        var aHigh = a + (4 * lda);
        var lda2 = 2 * lda;
        var lda3 = 3 * lda;
        var c0a = Vector512<float>.Zero;
        var c0b = Vector512<float>.Zero;
        var c1a = Vector512<float>.Zero;
        var c1b = Vector512<float>.Zero;
        var c2a = Vector512<float>.Zero;
        var c2b = Vector512<float>.Zero;
        var c3a = Vector512<float>.Zero;
        var c3b = Vector512<float>.Zero;
        var c4a = Vector512<float>.Zero;
        var c4b = Vector512<float>.Zero;
        var c5a = Vector512<float>.Zero;
        var c5b = Vector512<float>.Zero;
        var c6a = Vector512<float>.Zero;
        var c6b = Vector512<float>.Zero;
        var c7a = Vector512<float>.Zero;
        var c7b = Vector512<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(bp);
            var b1 = Vector512.Load(bp + 16);
            var a0 = Vector512.Create(a[0]);
            c0a = Vector512.FusedMultiplyAdd(a0, b0, c0a);
            c0b = Vector512.FusedMultiplyAdd(a0, b1, c0b);
            var a1 = Vector512.Create(a[lda]);
            c1a = Vector512.FusedMultiplyAdd(a1, b0, c1a);
            c1b = Vector512.FusedMultiplyAdd(a1, b1, c1b);
            var a2 = Vector512.Create(a[lda2]);
            c2a = Vector512.FusedMultiplyAdd(a2, b0, c2a);
            c2b = Vector512.FusedMultiplyAdd(a2, b1, c2b);
            var a3 = Vector512.Create(a[lda3]);
            c3a = Vector512.FusedMultiplyAdd(a3, b0, c3a);
            c3b = Vector512.FusedMultiplyAdd(a3, b1, c3b);
            var a4 = Vector512.Create(aHigh[0]);
            c4a = Vector512.FusedMultiplyAdd(a4, b0, c4a);
            c4b = Vector512.FusedMultiplyAdd(a4, b1, c4b);
            var a5 = Vector512.Create(aHigh[lda]);
            c5a = Vector512.FusedMultiplyAdd(a5, b0, c5a);
            c5b = Vector512.FusedMultiplyAdd(a5, b1, c5b);
            var a6 = Vector512.Create(aHigh[lda2]);
            c6a = Vector512.FusedMultiplyAdd(a6, b0, c6a);
            c6b = Vector512.FusedMultiplyAdd(a6, b1, c6b);
            var a7 = Vector512.Create(aHigh[lda3]);
            c7a = Vector512.FusedMultiplyAdd(a7, b0, c7a);
            c7b = Vector512.FusedMultiplyAdd(a7, b1, c7b);
            a++;
            aHigh++;
            bp += bStride;
        }

        if (cols == GemmLayout.NR)
        {
            GemmKernel512.StoreRow(c + (0 * (long)ldc), c0a, c0b, in store, columnBias, rowBias == null ? null : rowBias + 0);
            GemmKernel512.StoreRow(c + (1 * (long)ldc), c1a, c1b, in store, columnBias, rowBias == null ? null : rowBias + 1);
            GemmKernel512.StoreRow(c + (2 * (long)ldc), c2a, c2b, in store, columnBias, rowBias == null ? null : rowBias + 2);
            GemmKernel512.StoreRow(c + (3 * (long)ldc), c3a, c3b, in store, columnBias, rowBias == null ? null : rowBias + 3);
            GemmKernel512.StoreRow(c + (4 * (long)ldc), c4a, c4b, in store, columnBias, rowBias == null ? null : rowBias + 4);
            GemmKernel512.StoreRow(c + (5 * (long)ldc), c5a, c5b, in store, columnBias, rowBias == null ? null : rowBias + 5);
            GemmKernel512.StoreRow(c + (6 * (long)ldc), c6a, c6b, in store, columnBias, rowBias == null ? null : rowBias + 6);
            GemmKernel512.StoreRow(c + (7 * (long)ldc), c7a, c7b, in store, columnBias, rowBias == null ? null : rowBias + 7);
            return;
        }

        var mask0 = GemmKernel512.EdgeMask(cols);
        var mask1 = GemmKernel512.EdgeMask(cols - 16);
        GemmKernel512.StoreRowMasked(c + (0 * (long)ldc), c0a, c0b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 0);
        GemmKernel512.StoreRowMasked(c + (1 * (long)ldc), c1a, c1b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 1);
        GemmKernel512.StoreRowMasked(c + (2 * (long)ldc), c2a, c2b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 2);
        GemmKernel512.StoreRowMasked(c + (3 * (long)ldc), c3a, c3b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 3);
        GemmKernel512.StoreRowMasked(c + (4 * (long)ldc), c4a, c4b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 4);
        GemmKernel512.StoreRowMasked(c + (5 * (long)ldc), c5a, c5b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 5);
        GemmKernel512.StoreRowMasked(c + (6 * (long)ldc), c6a, c6b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 6);
        GemmKernel512.StoreRowMasked(c + (7 * (long)ldc), c7a, c7b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 7);
    }
}
