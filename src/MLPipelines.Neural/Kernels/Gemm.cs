namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Single-precision general matrix multiply on row-major buffers:
/// <c>C = alpha * op(A) * op(B) + beta * C</c>, where op(X) is X or its transpose,
/// op(A) is m x k, op(B) is k x n and C is m x n.
/// </summary>
/// <remarks>
/// Results are bit-identical for any <c>threads</c> value: work is split over blocks of C only, never over k,
/// so every element is summed in the same order.
/// PLACEHOLDER: this is the naive reference; the packed, register-tiled kernel replaces the body.
/// </remarks>
public static class Gemm
{
    /// <param name="threads">Worker threads; 0 or less = <see cref="Environment.ProcessorCount"/>.</param>
    public static void Multiply(
        bool transA, bool transB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc,
        int threads = 0)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0f;
                for (var p = 0; p < k; p++)
                {
                    var av = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                    var bv = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += av * bv;
                }

                var idx = (i * ldc) + j;
                c[idx] = (alpha * sum) + (beta == 0f ? 0f : beta * c[idx]);
            }
        }
    }
}
