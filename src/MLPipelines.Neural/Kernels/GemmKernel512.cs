using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// The AVX-512 micro-kernel: an MR x 32 tile of C held in 2 * MR <see cref="Vector512{T}"/> accumulators,
/// fed per k step by two vector loads from the packed B panel and MR broadcasts from the packed A panel.
/// </summary>
/// <remarks>
/// Each accumulator lane computes <c>t = fma(a[p], b[p], t)</c> for p = 0, 1, ... in order, the same
/// arithmetic as the other kernels, so results do not depend on which kernel or tile produced them.
/// Written out by hand (no loops over rows) so the JIT keeps every accumulator in a register.
/// </remarks>
internal static unsafe class GemmKernel512
{
    /// <summary>
    /// Computes the product of an A panel (kc steps of MR values, <paramref name="aStride"/> floats apart) and a
    /// B panel (kc steps of 32 values, <paramref name="bStride"/> floats apart) and stores it into the MR x 32
    /// tile at <paramref name="c"/> as <paramref name="store"/> says.
    /// </summary>
    /// <param name="aStride">Floats between consecutive k steps of A: MR when packed, lda when read in place.</param>
    /// <param name="bStride">Floats between consecutive k steps of B: NR when packed, ldb when read in place.</param>
    /// <param name="rows">Rows of the tile inside C (MR for a whole tile); rows past it are computed, not stored.</param>
    /// <param name="cols">Columns of the tile inside C (32 for a whole tile); the rest are masked off, never touched.</param>
    /// <param name="columnBias">Column bias for this tile's 32 columns (padded with zeros), or null.</param>
    /// <param name="rowBias">Row bias for this tile's MR rows, or null.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile(float* ap, nint aStride, float* bp, nint bStride, int kc, float* c, int ldc, int rows, int cols, in GemmTileStore store, float* columnBias, float* rowBias)
    {
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
            var a0 = Vector512.Create(ap[0]);
            c0a = Vector512.FusedMultiplyAdd(a0, b0, c0a);
            c0b = Vector512.FusedMultiplyAdd(a0, b1, c0b);
            var a1 = Vector512.Create(ap[1]);
            c1a = Vector512.FusedMultiplyAdd(a1, b0, c1a);
            c1b = Vector512.FusedMultiplyAdd(a1, b1, c1b);
            var a2 = Vector512.Create(ap[2]);
            c2a = Vector512.FusedMultiplyAdd(a2, b0, c2a);
            c2b = Vector512.FusedMultiplyAdd(a2, b1, c2b);
            var a3 = Vector512.Create(ap[3]);
            c3a = Vector512.FusedMultiplyAdd(a3, b0, c3a);
            c3b = Vector512.FusedMultiplyAdd(a3, b1, c3b);
            var a4 = Vector512.Create(ap[4]);
            c4a = Vector512.FusedMultiplyAdd(a4, b0, c4a);
            c4b = Vector512.FusedMultiplyAdd(a4, b1, c4b);
            var a5 = Vector512.Create(ap[5]);
            c5a = Vector512.FusedMultiplyAdd(a5, b0, c5a);
            c5b = Vector512.FusedMultiplyAdd(a5, b1, c5b);
            var a6 = Vector512.Create(ap[6]);
            c6a = Vector512.FusedMultiplyAdd(a6, b0, c6a);
            c6b = Vector512.FusedMultiplyAdd(a6, b1, c6b);
            var a7 = Vector512.Create(ap[7]);
            c7a = Vector512.FusedMultiplyAdd(a7, b0, c7a);
            c7b = Vector512.FusedMultiplyAdd(a7, b1, c7b);
            ap += aStride;
            bp += bStride;
        }

        if (rows == GemmLayout.MR && cols == GemmLayout.NR)
        {
            StoreRow(c + (0 * (long)ldc), c0a, c0b, in store, columnBias, rowBias == null ? null : rowBias + 0);
            StoreRow(c + (1 * (long)ldc), c1a, c1b, in store, columnBias, rowBias == null ? null : rowBias + 1);
            StoreRow(c + (2 * (long)ldc), c2a, c2b, in store, columnBias, rowBias == null ? null : rowBias + 2);
            StoreRow(c + (3 * (long)ldc), c3a, c3b, in store, columnBias, rowBias == null ? null : rowBias + 3);
            StoreRow(c + (4 * (long)ldc), c4a, c4b, in store, columnBias, rowBias == null ? null : rowBias + 4);
            StoreRow(c + (5 * (long)ldc), c5a, c5b, in store, columnBias, rowBias == null ? null : rowBias + 5);
            StoreRow(c + (6 * (long)ldc), c6a, c6b, in store, columnBias, rowBias == null ? null : rowBias + 6);
            StoreRow(c + (7 * (long)ldc), c7a, c7b, in store, columnBias, rowBias == null ? null : rowBias + 7);
            return;
        }

        var mask0 = EdgeMask(cols);
        var mask1 = EdgeMask(cols - 16);
        if (rows > 0)
        {
            StoreRowMasked(c + (0 * (long)ldc), c0a, c0b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 0);
        }

        if (rows > 1)
        {
            StoreRowMasked(c + (1 * (long)ldc), c1a, c1b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 1);
        }

        if (rows > 2)
        {
            StoreRowMasked(c + (2 * (long)ldc), c2a, c2b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 2);
        }

        if (rows > 3)
        {
            StoreRowMasked(c + (3 * (long)ldc), c3a, c3b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 3);
        }

        if (rows > 4)
        {
            StoreRowMasked(c + (4 * (long)ldc), c4a, c4b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 4);
        }

        if (rows > 5)
        {
            StoreRowMasked(c + (5 * (long)ldc), c5a, c5b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 5);
        }

        if (rows > 6)
        {
            StoreRowMasked(c + (6 * (long)ldc), c6a, c6b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 6);
        }

        if (rows > 7)
        {
            StoreRowMasked(c + (7 * (long)ldc), c7a, c7b, mask0, mask1, in store, columnBias, rowBias == null ? null : rowBias + 7);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreRow(float* c, Vector512<float> v0, Vector512<float> v1, in GemmTileStore store, float* columnBias, float* rowBias)
    {
        if (store.Alpha != 1f)
        {
            var alpha = Vector512.Create(store.Alpha);
            v0 *= alpha;
            v1 *= alpha;
        }

        if (store.ReadC)
        {
            var old0 = Vector512.Load(c);
            var old1 = Vector512.Load(c + 16);
            if (store.Beta != 1f)
            {
                var beta = Vector512.Create(store.Beta);
                old0 *= beta;
                old1 *= beta;
            }

            v0 += old0;
            v1 += old1;
        }

        if (store.Finish)
        {
            if (columnBias != null)
            {
                v0 += Vector512.Load(columnBias);
                v1 += Vector512.Load(columnBias + 16);
            }

            if (rowBias != null)
            {
                var bias = Vector512.Create(*rowBias);
                v0 += bias;
                v1 += bias;
            }

            if (store.Activation == GemmActivation.Relu)
            {
                v0 = Vector512.Max(v0, Vector512<float>.Zero);
                v1 = Vector512.Max(v1, Vector512<float>.Zero);
            }
            else if (store.Activation == GemmActivation.LeakyRelu)
            {
                var slope = Vector512.Create(store.LeakySlope);
                v0 = Vector512.ConditionalSelect(Vector512.GreaterThan(v0, Vector512<float>.Zero), v0, v0 * slope);
                v1 = Vector512.ConditionalSelect(Vector512.GreaterThan(v1, Vector512<float>.Zero), v1, v1 * slope);
            }
        }

        Vector512.Store(v0, c);
        Vector512.Store(v1, c + 16);
    }

    /// <summary>Lanes whose column index is below <paramref name="cols"/>, as a float mask (all bits set / clear).</summary>
    internal static Vector512<float> EdgeMask(int cols) =>
        Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle();

    /// <summary>
    /// <see cref="StoreRow"/> for a row that ends inside the tile: C is read and written only in the lanes of
    /// <paramref name="mask0"/> / <paramref name="mask1"/> (masked AVX-512 loads and stores never touch, or fault on,
    /// the other lanes), with the same arithmetic on every stored lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void StoreRowMasked(float* c, Vector512<float> v0, Vector512<float> v1, Vector512<float> mask0, Vector512<float> mask1, in GemmTileStore store, float* columnBias, float* rowBias)
    {
        if (store.Alpha != 1f)
        {
            var alpha = Vector512.Create(store.Alpha);
            v0 *= alpha;
            v1 *= alpha;
        }

        if (store.ReadC)
        {
            var old0 = Avx512F.MaskLoad(c, mask0, Vector512<float>.Zero);
            var old1 = Avx512F.MaskLoad(c + 16, mask1, Vector512<float>.Zero);
            if (store.Beta != 1f)
            {
                var beta = Vector512.Create(store.Beta);
                old0 *= beta;
                old1 *= beta;
            }

            v0 += old0;
            v1 += old1;
        }

        if (store.Finish)
        {
            if (columnBias != null)
            {
                v0 += Vector512.Load(columnBias);
                v1 += Vector512.Load(columnBias + 16);
            }

            if (rowBias != null)
            {
                var bias = Vector512.Create(*rowBias);
                v0 += bias;
                v1 += bias;
            }

            if (store.Activation == GemmActivation.Relu)
            {
                v0 = Vector512.Max(v0, Vector512<float>.Zero);
                v1 = Vector512.Max(v1, Vector512<float>.Zero);
            }
            else if (store.Activation == GemmActivation.LeakyRelu)
            {
                var slope = Vector512.Create(store.LeakySlope);
                v0 = Vector512.ConditionalSelect(Vector512.GreaterThan(v0, Vector512<float>.Zero), v0, v0 * slope);
                v1 = Vector512.ConditionalSelect(Vector512.GreaterThan(v1, Vector512<float>.Zero), v1, v1 * slope);
            }
        }

        Avx512F.MaskStore(c, mask0, v0);
        Avx512F.MaskStore(c + 16, mask1, v1);
    }
}
