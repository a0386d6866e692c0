namespace MLPipelines.Neural.Kernels;

/// <summary>Micro-kernel families; all give bit-identical results, they differ only in speed.</summary>
internal enum GemmIsa
{
    /// <summary><see cref="GemmKernelScalar"/>: portable, one element at a time.</summary>
    Scalar = 0,

    /// <summary><see cref="GemmKernel256"/>: Vector256 with FMA (AVX2).</summary>
    Avx2 = 1,

    /// <summary><see cref="GemmKernel512"/>: Vector512 with FMA (AVX-512).</summary>
    Avx512 = 2,
}
