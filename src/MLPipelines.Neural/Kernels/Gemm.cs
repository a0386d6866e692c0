namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Single-precision general matrix multiply on row-major buffers:
/// <c>C = f(alpha * op(A) * op(B) + beta * C + bias)</c>, where op(X) is X or its transpose,
/// op(A) is m x k, op(B) is k x n and C is m x n; bias and f come from an optional <see cref="GemmEpilogue"/>.
/// </summary>
/// <remarks>
/// <para>Layout: element (r, c) of a stored matrix X with leading dimension ldx is <c>x[r * ldx + c]</c>.
/// With <c>transA</c>, A is stored k x m (so op(A)[i, p] = a[p * lda + i]); with <c>transB</c>, B is stored
/// n x k (op(B)[p, j] = b[j * ldb + p]).</para>
/// <para>When <c>beta == 0</c>, C is write-only: its old contents (even NaN) are never read, as in BLAS.</para>
/// <para>Determinism: results are bit-identical for any <c>threads</c> value and any machine with FMA.
/// Work is split over blocks of C only, never over k, and every element of C is accumulated with fused
/// multiply-adds in increasing p order, in k-blocks of a fixed size (<see cref="KBlock"/>).</para>
/// </remarks>
public static class Gemm
{
    /// <summary>
    /// Depth of one k-block: C is accumulated as <c>alpha * sum(block 0) + beta * C</c>, then
    /// <c>+ alpha * sum(block 1)</c>, ... This is a constant so the summation order never depends on threads.
    /// </summary>
    public const int KBlock = 256;

    /// <summary>
    /// <c>C = alpha * op(A) * op(B) + beta * C</c> (BLAS sgemm on row-major data).
    /// </summary>
    /// <param name="transA">Use A transposed: A is stored k x m.</param>
    /// <param name="transB">Use B transposed: B is stored n x k.</param>
    /// <param name="m">Rows of op(A) and of C.</param>
    /// <param name="n">Columns of op(B) and of C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="a">A, row-major, leading dimension <paramref name="lda"/>.</param>
    /// <param name="lda">Row stride of A as stored (at least k, or m when transposed).</param>
    /// <param name="b">B, row-major, leading dimension <paramref name="ldb"/>.</param>
    /// <param name="ldb">Row stride of B as stored (at least n, or k when transposed).</param>
    /// <param name="beta">Scale of the old C; 0 means C is not read.</param>
    /// <param name="c">C, row-major, leading dimension <paramref name="ldc"/> (at least n).</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="threads">Most threads to use (caller included); 0 or less = <see cref="Environment.ProcessorCount"/>.
    /// Small problems run on the caller alone whatever this says.</param>
    public static void Multiply(
        bool transA, bool transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc,
        int threads = 0) =>
        Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, GemmEpilogue.None, threads);

    /// <summary>
    /// <c>C = f(alpha * op(A) * op(B) + beta * C + bias)</c>: GEMM with a fused epilogue (bias broadcast along
    /// rows or columns of C, then an activation), applied in the same pass that stores C.
    /// </summary>
    /// <param name="epilogue">Bias and activation; see <see cref="GemmEpilogue"/>. Its bias must have length n
    /// (per column) or m (per row).</param>
    /// <inheritdoc cref="Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/>
    public static unsafe void Multiply(
        bool transA, bool transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc,
        GemmEpilogue epilogue, int threads = 0)
    {
        GemmValidation.Check(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc, epilogue);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        fixed (float* pbias = epilogue.Bias)
        {
            var args = new GemmArgs(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, epilogue, pbias);
            GemmDriver.Run(in args, threads);
        }
    }

    /// <summary>
    /// Pointer form of <see cref="Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, GemmEpilogue, int)"/>
    /// for callers that already hold pinned memory (im2col buffers, native tensors). Extents are not checked
    /// beyond the leading dimensions: the caller guarantees the buffers are large enough.
    /// </summary>
    /// <param name="bias">Epilogue bias (length n or m per <paramref name="biasAxis"/>), or null.</param>
    /// <param name="biasAxis">Which index of C the bias runs along.</param>
    /// <param name="activation">Activation applied after the bias.</param>
    /// <param name="leakySlope">Negative-side slope for <see cref="GemmActivation.LeakyRelu"/>.</param>
    /// <inheritdoc cref="Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/>
    public static unsafe void Multiply(
        bool transA, bool transB, int m, int n, int k,
        float alpha, float* a, int lda,
        float* b, int ldb,
        float beta, float* c, int ldc,
        float* bias, GemmBiasAxis biasAxis, GemmActivation activation, float leakySlope, int threads = 0)
    {
        if (biasAxis != GemmBiasAxis.None && bias == null)
        {
            throw new ArgumentNullException(nameof(bias), $"{biasAxis} bias requested but the bias pointer is null.");
        }

        GemmValidation.CheckShape(transA, transB, m, n, k, lda, ldb, ldc);
        var biasLength = biasAxis switch { GemmBiasAxis.PerColumn => n, GemmBiasAxis.PerRow => m, _ => 0 };
        var epilogue = biasAxis switch
        {
            GemmBiasAxis.PerColumn => GemmEpilogue.ColumnBias(new ReadOnlySpan<float>(bias, biasLength), activation, leakySlope),
            GemmBiasAxis.PerRow => GemmEpilogue.RowBias(new ReadOnlySpan<float>(bias, biasLength), activation, leakySlope),
            _ => GemmEpilogue.Activate(activation, leakySlope),
        };
        GemmValidation.CheckEpilogue(m, n, epilogue);
        if (m == 0 || n == 0)
        {
            return;
        }

        var args = new GemmArgs(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, epilogue, bias);
        GemmDriver.Run(in args, threads);
    }
}
