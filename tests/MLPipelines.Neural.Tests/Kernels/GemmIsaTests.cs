using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

/// <summary>
/// The fallback kernels must give the same bits as the AVX-512 one (same fma order, same store), so a model
/// trained on one machine reproduces on another. Runs serially because it switches the process-wide kernel.
/// </summary>
[Collection(nameof(GemmIsaTests))]
[CollectionDefinition(nameof(GemmIsaTests), DisableParallelization = true)]
public sealed class GemmIsaTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Gemm_Multiply_FallbackKernelsAreBitIdentical(bool transA, bool transB)
    {
        const int m = 27, n = 45, k = 300;
        var a = GemmReference.Random(m * k, 1);
        var b = GemmReference.Random(k * n, 2);
        var bias = GemmReference.Random(n, 3);
        var start = GemmReference.Random(m * n, 4);
        var results = new List<float[]>();
        var original = GemmDriver.Isa;
        try
        {
            foreach (var isa in new[] { GemmIsa.Avx512, GemmIsa.Avx2, GemmIsa.Scalar })
            {
                GemmDriver.Isa = isa;
                var c = (float[])start.Clone();
                Gemm.Multiply(transA, transB, m, n, k, 0.5f, a, transA ? m : k, b, transB ? k : n, 0.75f, c, n, GemmEpilogue.ColumnBias(bias, GemmActivation.LeakyRelu, 0.2f));
                results.Add(c);
            }
        }
        finally
        {
            GemmDriver.Isa = original;
        }

        var (expected, tolerance) = GemmReference.Multiply(transA, transB, m, n, k, 0.5f, a, transA ? m : k, b, transB ? k : n, 0.75f, start, n, bias, GemmBiasAxis.PerColumn, GemmActivation.LeakyRelu, 0.2f);
        GemmTests.AssertClose(expected, tolerance, results[0]);
        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2]);
    }
}
