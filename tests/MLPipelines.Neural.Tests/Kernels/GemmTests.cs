using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

public sealed class GemmTests
{
    public static TheoryData<int, int, int> OddShapes => new()
    {
        { 1, 1, 1 },
        { 7, 9, 5 },
        { 8, 32, 16 },
        { 9, 33, 17 },
        { 31, 65, 100 },
        { 67, 29, 257 },
        { 130, 97, 300 },
        { 16, 26, 256 },
    };

    [Theory]
    [MemberData(nameof(OddShapes))]
    public void Gemm_Multiply_MatchesReferenceForAllTransposes(int m, int n, int k)
    {
        foreach (var transA in new[] { false, true })
        {
            foreach (var transB in new[] { false, true })
            {
                AssertMatchesReference(transA, transB, m, n, k, alpha: 1f, beta: 0f, extraLd: 0, seed: m + n + k);
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Gemm_Multiply_HonoursAlphaBetaAndStridedLeadingDimensions(bool transA, bool transB)
    {
        AssertMatchesReference(transA, transB, 45, 70, 530, alpha: -0.75f, beta: 0.5f, extraLd: 3, seed: 11);
        AssertMatchesReference(transA, transB, 45, 70, 530, alpha: 2f, beta: 1f, extraLd: 17, seed: 12);
    }

    [Fact]
    public void Gemm_Multiply_CoversRowAndColumnBlockEdges()
    {
        // Past MC (1024) rows and past NC (2048) columns, so the outer block loops run more than once.
        AssertMatchesReference(false, false, 1030, 40, 20, alpha: 1f, beta: 0.25f, extraLd: 0, seed: 3);
        AssertMatchesReference(true, true, 12, 2050, 20, alpha: 1f, beta: 0f, extraLd: 1, seed: 4);
    }

    [Theory]
    [InlineData(GemmBiasAxis.PerColumn, GemmActivation.Relu)]
    [InlineData(GemmBiasAxis.PerRow, GemmActivation.LeakyRelu)]
    [InlineData(GemmBiasAxis.None, GemmActivation.Relu)]
    [InlineData(GemmBiasAxis.PerColumn, GemmActivation.None)]
    public void Gemm_MultiplyWithEpilogue_AppliesBiasThenActivationOnLastKBlock(GemmBiasAxis axis, GemmActivation activation)
    {
        // Given k spanning three k-blocks and beta = 1, so the epilogue must run once, after all blocks.
        const int m = 37, n = 70, k = 600;
        var a = GemmReference.Random(m * k, 1);
        var b = GemmReference.Random(k * n, 2);
        var c = GemmReference.Random(m * n, 3);
        var bias = GemmReference.Random(axis == GemmBiasAxis.PerRow ? m : n, 4);
        var (expected, tolerance) = GemmReference.Multiply(false, false, m, n, k, 1f, a, k, b, n, 1f, c, n, bias, axis, activation, 0.1f);
        var epilogue = axis switch
        {
            GemmBiasAxis.PerColumn => GemmEpilogue.ColumnBias(bias, activation, 0.1f),
            GemmBiasAxis.PerRow => GemmEpilogue.RowBias(bias, activation, 0.1f),
            _ => GemmEpilogue.Activate(activation, 0.1f),
        };

        Gemm.Multiply(false, false, m, n, k, 1f, a, k, b, n, 1f, c, n, epilogue);

        AssertClose(expected, tolerance, c);
        if (activation == GemmActivation.Relu)
        {
            Assert.Contains(0f, c);
            Assert.DoesNotContain(c, v => v < 0f);
        }
    }

    [Fact]
    public void Gemm_Multiply_MatchesReferenceOnRandomCases()
    {
        // Given 60 seeded random cases: every transpose, edge tiles in both directions, several k-blocks,
        // padded leading dimensions, alpha/beta, each epilogue, 1 or 2 threads.
        var rng = new Random(2024);
        for (var t = 0; t < 60; t++)
        {
            int m = rng.Next(1, 90), n = rng.Next(1, 90), k = rng.Next(1, 600);
            bool transA = rng.Next(2) == 1, transB = rng.Next(2) == 1;
            var lda = (transA ? m : k) + rng.Next(3);
            var ldb = (transB ? k : n) + rng.Next(3);
            var ldc = n + rng.Next(3);
            var alpha = rng.Next(3) == 0 ? 1f : (float)(rng.NextDouble() * 4) - 2;
            var beta = rng.Next(3) switch { 0 => 0f, 1 => 1f, _ => (float)rng.NextDouble() };
            var axis = (GemmBiasAxis)rng.Next(3);
            var activation = (GemmActivation)rng.Next(3);
            var a = GemmReference.Random((transA ? k : m) * lda, rng.Next());
            var b = GemmReference.Random((transB ? n : k) * ldb, rng.Next());
            var c = GemmReference.Random(m * ldc, rng.Next());
            var bias = GemmReference.Random(axis == GemmBiasAxis.PerRow ? m : n, rng.Next());
            var (expected, tolerance) = GemmReference.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias, axis, activation, 0.05f);
            var epilogue = axis switch
            {
                GemmBiasAxis.PerColumn => GemmEpilogue.ColumnBias(bias, activation, 0.05f),
                GemmBiasAxis.PerRow => GemmEpilogue.RowBias(bias, activation, 0.05f),
                _ => GemmEpilogue.Activate(activation, 0.05f),
            };

            Gemm.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, epilogue, threads: 1 + rng.Next(2));

            AssertClose(expected, tolerance, c);
        }
    }

    [Fact]
    public void Gemm_Multiply_IsBitIdenticalForOneAndTwoThreads()
    {
        // Given a problem large enough to be split over threads, with edge tiles and several k-blocks.
        const int m = 301, n = 283, k = 611;
        var a = GemmReference.Random(m * k, 5);
        var b = GemmReference.Random(n * k, 6);
        var bias = GemmReference.Random(n, 7);
        var one = GemmReference.Random(m * n, 8);
        var two = (float[])one.Clone();

        Gemm.Multiply(false, true, m, n, k, 0.5f, a, k, b, k, 0.25f, one, n, GemmEpilogue.ColumnBias(bias, GemmActivation.Relu), threads: 1);
        Gemm.Multiply(false, true, m, n, k, 0.5f, a, k, b, k, 0.25f, two, n, GemmEpilogue.ColumnBias(bias, GemmActivation.Relu), threads: 2);

        Assert.Equal(one, two);
    }

    [Fact]
    public void Gemm_Multiply_WithBetaZeroIgnoresNaNInC()
    {
        var a = GemmReference.Random(20 * 30, 1);
        var b = GemmReference.Random(30 * 40, 2);
        var c = Enumerable.Repeat(float.NaN, 20 * 40).ToArray();

        Gemm.Multiply(false, false, 20, 40, 30, 1f, a, 30, b, 40, 0f, c, 40);

        Assert.DoesNotContain(c, float.IsNaN);
    }

    [Fact]
    public void Gemm_Multiply_WithZeroDepthScalesCAndAppliesEpilogue()
    {
        var c = new float[] { 1, -2, 3, -4, 5, -6 };
        var bias = new float[] { 10, 20, 30 };

        Gemm.Multiply(false, false, 2, 3, 0, 1f, [], 1, [], 3, 2f, c, 3, GemmEpilogue.ColumnBias(bias, GemmActivation.Relu));

        Assert.Equal(new float[] { 12, 16, 36, 2, 30, 18 }, c);
    }

    [Fact]
    public void Gemm_Multiply_RejectsTooSmallLeadingDimension()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gemm.Multiply(false, false, 4, 4, 5, 1f, new float[20], 4, new float[20], 4, 0f, new float[16], 4));

        Assert.Equal("lda", ex.ParamName);
    }

    [Fact]
    public void Gemm_Multiply_RejectsTooShortBuffer()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 4, 4, 5, 1f, new float[20], 5, new float[19], 4, 0f, new float[16], 4));

        Assert.Equal("b", ex.ParamName);
        Assert.Contains("needs at least 20", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gemm_Multiply_RejectsBiasOfWrongLength()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(false, false, 4, 4, 5, 1f, new float[20], 5, new float[20], 4, 0f, new float[16], 4, GemmEpilogue.ColumnBias(new float[3])));

        Assert.Contains("needs 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public unsafe void Gemm_MultiplyPointers_MatchesSpanFormWithRowBias()
    {
        const int m = 19, n = 41, k = 70;
        var a = GemmReference.Random(m * k, 1);
        var b = GemmReference.Random(k * n, 2);
        var bias = GemmReference.Random(m, 3);
        var viaSpans = new float[m * n];
        var viaPointers = new float[m * n];
        Gemm.Multiply(false, false, m, n, k, 1f, a, k, b, n, 0f, viaSpans, n, GemmEpilogue.RowBias(bias, GemmActivation.Relu));

        fixed (float* pa = a, pb = b, pc = viaPointers, pbias = bias)
        {
            Gemm.Multiply(false, false, m, n, k, 1f, pa, k, pb, n, 0f, pc, n, pbias, GemmBiasAxis.PerRow, GemmActivation.Relu, 0f);
        }

        Assert.Equal(viaSpans, viaPointers);
    }

    [Fact]
    public unsafe void Gemm_MultiplyPointers_RejectsNullBiasForBiasAxis()
    {
        var ex = Assert.Throws<ArgumentNullException>(() =>
        {
            fixed (float* p = new float[16])
            {
                Gemm.Multiply(false, false, 4, 4, 4, 1f, p, 4, p, 4, 0f, p, 4, null, GemmBiasAxis.PerColumn, GemmActivation.None, 0f);
            }
        });

        Assert.Equal("bias", ex.ParamName);
    }

    private static void AssertMatchesReference(bool transA, bool transB, int m, int n, int k, float alpha, float beta, int extraLd, int seed)
    {
        var lda = (transA ? m : k) + extraLd;
        var ldb = (transB ? k : n) + extraLd;
        var ldc = n + extraLd;
        var a = GemmReference.Random((transA ? k : m) * lda, seed);
        var b = GemmReference.Random((transB ? n : k) * ldb, seed + 1);
        var c = GemmReference.Random(m * ldc, seed + 2);
        var (expected, tolerance) = GemmReference.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

        Gemm.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

        AssertClose(expected, tolerance, c);
    }

    internal static void AssertClose(float[] expected, double[] tolerance, float[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            var error = Math.Abs((double)expected[i] - actual[i]);
            Assert.True(error <= tolerance[i], $"element {i}: expected {expected[i]}, got {actual[i]} (error {error:G3} > {tolerance[i]:G3})");
        }
    }
}
