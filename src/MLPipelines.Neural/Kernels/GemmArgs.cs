namespace MLPipelines.Neural.Kernels;

/// <summary>One validated GEMM call with pinned operands, as the driver and its workers see it.</summary>
internal readonly unsafe struct GemmArgs
{
    public GemmArgs(
        bool transA, bool transB, int m, int n, int k,
        float alpha, float* a, int lda, float* b, int ldb,
        float beta, float* c, int ldc, GemmEpilogue epilogue, float* bias)
    {
        TransA = transA;
        TransB = transB;
        M = m;
        N = n;
        K = k;
        Alpha = alpha;
        A = a;
        Lda = lda;
        B = b;
        Ldb = ldb;
        Beta = beta;
        C = c;
        Ldc = ldc;
        BiasAxis = epilogue.BiasAxis;
        Bias = epilogue.BiasAxis == GemmBiasAxis.None ? null : bias;
        Activation = epilogue.Activation;
        LeakySlope = epilogue.LeakySlope;
    }

    public bool TransA { get; }

    public bool TransB { get; }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public float Alpha { get; }

    public float* A { get; }

    public int Lda { get; }

    public float* B { get; }

    public int Ldb { get; }

    public float Beta { get; }

    public float* C { get; }

    public int Ldc { get; }

    public GemmBiasAxis BiasAxis { get; }

    public float* Bias { get; }

    public GemmActivation Activation { get; }

    public float LeakySlope { get; }

    /// <summary>op(A)[i, p].</summary>
    public float ElementA(int i, int p) => TransA ? A[((long)p * Lda) + i] : A[((long)i * Lda) + p];

    /// <summary>op(B)[p, j].</summary>
    public float ElementB(int p, int j) => TransB ? B[((long)j * Ldb) + p] : B[((long)p * Ldb) + j];

    /// <summary>Epilogue on one finished value of C[i, j] (bias, then activation).</summary>
    public float Finish(float value, int i, int j)
    {
        if (BiasAxis == GemmBiasAxis.PerColumn)
        {
            value += Bias[j];
        }
        else if (BiasAxis == GemmBiasAxis.PerRow)
        {
            value += Bias[i];
        }

        return Activation switch
        {
            GemmActivation.Relu => MathF.Max(value, 0f),
            GemmActivation.LeakyRelu => value > 0f ? value : LeakySlope * value,
            _ => value,
        };
    }
}
