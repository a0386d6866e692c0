using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layouts of <see cref="GemmLayout"/>, so the micro-kernel
/// reads both operands sequentially whatever the transposes and leading dimensions were.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs one A panel: <c>dst[p * MR + r] = op(A)[i0 + r, p0 + p]</c> for r &lt; rows, zero for rows &lt;= r &lt; MR.
    /// </summary>
    public static void PackA(in GemmArgs g, int i0, int rows, int p0, int kc, float* dst)
    {
        const int mr = GemmLayout.MR;
        if (g.TransA)
        {
            // Stored k x m: the MR values for one p are contiguous.
            var src = g.A + ((long)p0 * g.Lda) + i0;
            if (rows == mr)
            {
                for (var p = 0; p < kc; p++)
                {
                    Vector256.Store(Vector256.Load(src), dst + (p * mr));
                    src += g.Lda;
                }

                return;
            }

            for (var p = 0; p < kc; p++)
            {
                var d = dst + (p * mr);
                for (var r = 0; r < mr; r++)
                {
                    d[r] = r < rows ? src[r] : 0f;
                }

                src += g.Lda;
            }

            return;
        }

        // Stored m x k: each row is contiguous in p; 8 x 8 transposes turn 8 rows x 8 p into 8 p x 8 rows.
        var done = 0;
        if (rows == mr && Transpose8x8.IsSupported)
        {
            var rowsStart = g.A + ((long)i0 * g.Lda) + p0;
            for (; done + 8 <= kc; done += 8)
            {
                Transpose8x8.Run(rowsStart + done, g.Lda, dst + (done * mr), mr);
            }
        }

        for (var r = 0; r < mr; r++)
        {
            var d = dst + r;
            if (r >= rows)
            {
                for (var p = 0; p < kc; p++)
                {
                    d[p * mr] = 0f;
                }

                continue;
            }

            var src = g.A + ((long)(i0 + r) * g.Lda) + p0;
            for (var p = done; p < kc; p++)
            {
                d[p * mr] = src[p];
            }
        }
    }

    /// <summary>
    /// Packs one B panel: <c>dst[p * NR + j] = op(B)[p0 + p, j0 + j]</c> for j &lt; cols, zero for cols &lt;= j &lt; NR.
    /// </summary>
    public static void PackB(in GemmArgs g, int p0, int kc, int j0, int cols, float* dst)
    {
        const int nr = GemmLayout.NR;
        if (!g.TransB)
        {
            // Stored k x n: the NR values for one p are contiguous.
            var src = g.B + ((long)p0 * g.Ldb) + j0;
            if (cols == nr)
            {
                for (var p = 0; p < kc; p++)
                {
                    var d = dst + (p * nr);
                    Vector512.Store(Vector512.Load(src), d);
                    Vector512.Store(Vector512.Load(src + 16), d + 16);
                    src += g.Ldb;
                }

                return;
            }

            if (Avx512F.IsSupported)
            {
                // Masked loads read only the first cols values of each row (no fault past the matrix) and zero the rest.
                var mask0 = GemmKernel512.EdgeMask(cols);
                var mask1 = GemmKernel512.EdgeMask(cols - 16);
                for (var p = 0; p < kc; p++)
                {
                    var d = dst + (p * nr);
                    Vector512.Store(Avx512F.MaskLoad(src, mask0, Vector512<float>.Zero), d);
                    Vector512.Store(Avx512F.MaskLoad(src + 16, mask1, Vector512<float>.Zero), d + 16);
                    src += g.Ldb;
                }

                return;
            }

            for (var p = 0; p < kc; p++)
            {
                var d = dst + (p * nr);
                for (var j = 0; j < nr; j++)
                {
                    d[j] = j < cols ? src[j] : 0f;
                }

                src += g.Ldb;
            }

            return;
        }

        // Stored n x k: each column j of op(B) is a contiguous row of B; 8 x 8 transposes write 8 of them at a time.
        var packed = 0;
        if (cols == nr && Transpose8x8.IsSupported)
        {
            var colsStart = g.B + ((long)j0 * g.Ldb) + p0;
            for (; packed + 8 <= kc; packed += 8)
            {
                for (var jb = 0; jb < nr; jb += 8)
                {
                    Transpose8x8.Run(colsStart + (jb * (long)g.Ldb) + packed, g.Ldb, dst + (packed * nr) + jb, nr);
                }
            }
        }

        for (var j = 0; j < nr; j++)
        {
            var d = dst + j;
            if (j >= cols)
            {
                for (var p = 0; p < kc; p++)
                {
                    d[p * nr] = 0f;
                }

                continue;
            }

            var src = g.B + ((long)(j0 + j) * g.Ldb) + p0;
            for (var p = packed; p < kc; p++)
            {
                d[p * nr] = src[p];
            }
        }
    }
}
