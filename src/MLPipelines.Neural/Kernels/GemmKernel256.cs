using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// The AVX2 micro-kernel, for machines without fast AVX-512: covers an MR x 32 tile as quarters of
/// 4 rows x 16 columns (8 <see cref="Vector256{T}"/> accumulators each, within AVX2's 16 registers),
/// reading the same packed panels as <see cref="GemmKernel512"/>.
/// </summary>
/// <remarks>Same per-lane arithmetic as <see cref="GemmKernel512"/>: fma over p in order, then the store.</remarks>
internal static unsafe class GemmKernel256
{
    /// <summary>
    /// As <see cref="GemmKernel512.Tile"/> but always stores the whole MR x 32 tile: the caller passes
    /// <paramref name="rows"/> = MR and <paramref name="cols"/> = 32 and handles edge tiles through a scratch tile.
    /// </summary>
#pragma warning disable IDE0060 // rows and cols: GemmDriver calls this and GemmKernel512.Tile through one function-pointer type
    public static void Tile(float* ap, nint aStride, float* bp, nint bStride, int kc, float* c, int ldc, int rows, int cols, in GemmTileStore store, float* columnBias, float* rowBias)
    {
        for (var r0 = 0; r0 < GemmLayout.MR; r0 += 4)
        {
            for (var j0 = 0; j0 < GemmLayout.NR; j0 += 16)
            {
                Quarter(
                    ap + r0, aStride, bp + j0, bStride, kc, c + (r0 * (long)ldc) + j0, ldc, in store,
                    columnBias == null ? null : columnBias + j0,
                    rowBias == null ? null : rowBias + r0);
            }
        }
    }
#pragma warning restore IDE0060

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Quarter(float* ap, nint aStride, float* bp, nint bStride, int kc, float* c, int ldc, in GemmTileStore store, float* columnBias, float* rowBias)
    {
        var c0a = Vector256<float>.Zero;
        var c0b = Vector256<float>.Zero;
        var c1a = Vector256<float>.Zero;
        var c1b = Vector256<float>.Zero;
        var c2a = Vector256<float>.Zero;
        var c2b = Vector256<float>.Zero;
        var c3a = Vector256<float>.Zero;
        var c3b = Vector256<float>.Zero;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(bp);
            var b1 = Vector256.Load(bp + 8);
            var a0 = Vector256.Create(ap[0]);
            c0a = Vector256.FusedMultiplyAdd(a0, b0, c0a);
            c0b = Vector256.FusedMultiplyAdd(a0, b1, c0b);
            var a1 = Vector256.Create(ap[1]);
            c1a = Vector256.FusedMultiplyAdd(a1, b0, c1a);
            c1b = Vector256.FusedMultiplyAdd(a1, b1, c1b);
            var a2 = Vector256.Create(ap[2]);
            c2a = Vector256.FusedMultiplyAdd(a2, b0, c2a);
            c2b = Vector256.FusedMultiplyAdd(a2, b1, c2b);
            var a3 = Vector256.Create(ap[3]);
            c3a = Vector256.FusedMultiplyAdd(a3, b0, c3a);
            c3b = Vector256.FusedMultiplyAdd(a3, b1, c3b);
            ap += aStride;
            bp += bStride;
        }

        StoreRow(c, c0a, c0b, in store, columnBias, rowBias);
        StoreRow(c + ldc, c1a, c1b, in store, columnBias, rowBias == null ? null : rowBias + 1);
        StoreRow(c + (2 * (long)ldc), c2a, c2b, in store, columnBias, rowBias == null ? null : rowBias + 2);
        StoreRow(c + (3 * (long)ldc), c3a, c3b, in store, columnBias, rowBias == null ? null : rowBias + 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector256<float> v0, Vector256<float> v1, in GemmTileStore store, float* columnBias, float* rowBias)
    {
        if (store.Alpha != 1f)
        {
            var alpha = Vector256.Create(store.Alpha);
            v0 *= alpha;
            v1 *= alpha;
        }

        if (store.ReadC)
        {
            var old0 = Vector256.Load(c);
            var old1 = Vector256.Load(c + 8);
            if (store.Beta != 1f)
            {
                var beta = Vector256.Create(store.Beta);
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
                v0 += Vector256.Load(columnBias);
                v1 += Vector256.Load(columnBias + 8);
            }

            if (rowBias != null)
            {
                var bias = Vector256.Create(*rowBias);
                v0 += bias;
                v1 += bias;
            }

            if (store.Activation == GemmActivation.Relu)
            {
                v0 = Vector256.Max(v0, Vector256<float>.Zero);
                v1 = Vector256.Max(v1, Vector256<float>.Zero);
            }
            else if (store.Activation == GemmActivation.LeakyRelu)
            {
                var slope = Vector256.Create(store.LeakySlope);
                v0 = Vector256.ConditionalSelect(Vector256.GreaterThan(v0, Vector256<float>.Zero), v0, v0 * slope);
                v1 = Vector256.ConditionalSelect(Vector256.GreaterThan(v1, Vector256<float>.Zero), v1, v1 * slope);
            }
        }

        Vector256.Store(v0, c);
        Vector256.Store(v1, c + 8);
    }
}
