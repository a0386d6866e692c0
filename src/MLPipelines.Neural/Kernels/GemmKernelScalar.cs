namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Portable micro-kernel for machines without AVX2: the same tile, panels and per-element arithmetic
/// (<see cref="MathF.FusedMultiplyAdd"/> over p in order, then <see cref="GemmTileStore.Apply"/>).
/// </summary>
internal static unsafe class GemmKernelScalar
{
    /// <summary>
    /// As <see cref="GemmKernel512.Tile"/> but always stores the whole MR x 32 tile: the caller passes
    /// <paramref name="rows"/> = MR and <paramref name="cols"/> = 32 and handles edge tiles through a scratch tile.
    /// </summary>
    public static void Tile(float* ap, nint aStride, float* bp, nint bStride, int kc, float* c, int ldc, int rows, int cols, in GemmTileStore store, float* columnBias, float* rowBias)
    {
        var acc = stackalloc float[GemmLayout.MR * GemmLayout.NR];
        new Span<float>(acc, GemmLayout.MR * GemmLayout.NR).Clear();
        for (var p = 0; p < kc; p++)
        {
            for (var r = 0; r < GemmLayout.MR; r++)
            {
                var av = ap[r];
                var row = acc + (r * GemmLayout.NR);
                for (var j = 0; j < GemmLayout.NR; j++)
                {
                    row[j] = MathF.FusedMultiplyAdd(av, bp[j], row[j]);
                }
            }

            ap += aStride;
            bp += bStride;
        }

        for (var r = 0; r < GemmLayout.MR; r++)
        {
            var cRow = c + (r * (long)ldc);
            var rb = rowBias == null ? 0f : rowBias[r];
            for (var j = 0; j < GemmLayout.NR; j++)
            {
                var cb = columnBias == null ? 0f : columnBias[j];
                cRow[j] = store.Apply(acc[(r * GemmLayout.NR) + j], store.ReadC ? cRow[j] : 0f, cb, rb);
            }
        }
    }
}
