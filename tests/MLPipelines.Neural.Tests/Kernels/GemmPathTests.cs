using System.Runtime.Intrinsics.X86;
using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

/// <summary>
/// Every way the driver can compute a tile must give the same bits: the AVX2 and scalar kernels beside the
/// AVX-512 one (so a model trained on one machine reproduces on another), and operands read in place beside
/// packed ones. Runs serially because it switches process-wide driver settings.
/// </summary>
[Collection(nameof(GemmPathTests))]
[CollectionDefinition(nameof(GemmPathTests), DisableParallelization = true)]
public sealed class GemmPathTests
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
            // Every family this machine can run (AVX-512 only where supported; the others run anywhere).
            var families = Avx512F.IsSupported ? new[] { GemmIsa.Avx512, GemmIsa.Avx2, GemmIsa.Scalar } : [GemmIsa.Avx2, GemmIsa.Scalar];
            foreach (var isa in families)
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
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Theory]
    [InlineData(true, false, 40, 300, 290)]
    [InlineData(true, false, 16, 70, 600)]
    [InlineData(false, false, 9, 100, 64)]
    [InlineData(false, true, 35, 70, 300)]
    public void Gemm_Multiply_InPlaceOperandsMatchPackedBitForBit(bool transA, bool transB, int m, int n, int k)
    {
        var a = GemmReference.Random(m * k, 5);
        var b = GemmReference.Random(k * n, 6);
        var packed = RunWithDirectLimits(transA, transB, m, n, k, a, b, limit: 0);
        var inPlace = RunWithDirectLimits(transA, transB, m, n, k, a, b, limit: int.MaxValue);

        Assert.Equal(packed, inPlace);
    }

    private static float[] RunWithDirectLimits(bool transA, bool transB, int m, int n, int k, float[] a, float[] b, int limit)
    {
        var saved = (GemmDriver.DirectAMaxColumns, GemmDriver.DirectAMaxLeading, GemmDriver.DirectBMaxRows, GemmDriver.DirectBMaxLeading, GemmDriver.DirectRowsAMaxColumns);
        try
        {
            (GemmDriver.DirectAMaxColumns, GemmDriver.DirectAMaxLeading, GemmDriver.DirectBMaxRows, GemmDriver.DirectBMaxLeading, GemmDriver.DirectRowsAMaxColumns) = (limit, limit, limit, limit, limit);
            var c = GemmReference.Random(m * n, 7);
            Gemm.Multiply(transA, transB, m, n, k, 1f, a, transA ? m : k, b, transB ? k : n, 1f, c, n, threads: 2);
            return c;
        }
        finally
        {
            (GemmDriver.DirectAMaxColumns, GemmDriver.DirectAMaxLeading, GemmDriver.DirectBMaxRows, GemmDriver.DirectBMaxLeading, GemmDriver.DirectRowsAMaxColumns) = saved;
        }
    }
}
