namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Work a GEMM fuses into its final store of C, while the tile is still in registers:
/// <c>C = f(alpha * op(A) * op(B) + beta * C + bias)</c>, where <c>bias</c> broadcasts along
/// <see cref="BiasAxis"/> and <c>f</c> is <see cref="Activation"/>.
/// </summary>
/// <remarks>
/// The bias is added after the product and the old C, then the activation is applied, in that order,
/// for every element; the result is the same bits whatever the thread count.
/// <c>default(GemmEpilogue)</c> is <see cref="None"/> (plain GEMM).
/// </remarks>
public readonly ref struct GemmEpilogue
{
    private GemmEpilogue(ReadOnlySpan<float> bias, GemmBiasAxis axis, GemmActivation activation, float leakySlope)
    {
        Bias = bias;
        BiasAxis = axis;
        Activation = activation;
        LeakySlope = leakySlope;
    }

    /// <summary>No bias, no activation: the epilogue of a plain GEMM.</summary>
    public static GemmEpilogue None => default;

    /// <summary>Bias values: length n for <see cref="GemmBiasAxis.PerColumn"/>, m for <see cref="GemmBiasAxis.PerRow"/>.</summary>
    public ReadOnlySpan<float> Bias { get; }

    /// <summary>Which index of C the bias runs along.</summary>
    public GemmBiasAxis BiasAxis { get; }

    /// <summary>Activation applied after the bias.</summary>
    public GemmActivation Activation { get; }

    /// <summary>Negative-side slope of <see cref="GemmActivation.LeakyRelu"/>; ignored otherwise.</summary>
    public float LeakySlope { get; }

    /// <summary>True when the epilogue does nothing beyond <c>alpha * op(A) * op(B) + beta * C</c>.</summary>
    public bool IsNone => BiasAxis == GemmBiasAxis.None && Activation == GemmActivation.None;

    /// <summary><c>C[i, j] = f(... + bias[j])</c>: one bias per column of C (length n), as in a Dense layer.</summary>
    public static GemmEpilogue ColumnBias(
        ReadOnlySpan<float> bias, GemmActivation activation = GemmActivation.None, float leakySlope = 0.01f) =>
        new(bias, GemmBiasAxis.PerColumn, activation, leakySlope);

    /// <summary><c>C[i, j] = f(... + bias[i])</c>: one bias per row of C (length m), as in im2col convolution.</summary>
    public static GemmEpilogue RowBias(
        ReadOnlySpan<float> bias, GemmActivation activation = GemmActivation.None, float leakySlope = 0.01f) =>
        new(bias, GemmBiasAxis.PerRow, activation, leakySlope);

    /// <summary><c>C[i, j] = f(...)</c>: activation only, no bias.</summary>
    public static GemmEpilogue Activate(GemmActivation activation, float leakySlope = 0.01f) =>
        new(default, GemmBiasAxis.None, activation, leakySlope);
}
