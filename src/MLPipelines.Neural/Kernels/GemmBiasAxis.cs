namespace MLPipelines.Neural.Kernels;

/// <summary>Which index of C a GEMM epilogue bias vector runs along (see <see cref="GemmEpilogue"/>).</summary>
public enum GemmBiasAxis
{
    /// <summary>No bias.</summary>
    None = 0,

    /// <summary><c>C[i, j] += bias[j]</c>, bias length n: one value per output column
    /// (Dense layer, <c>Y = X * W + b</c> with samples as rows).</summary>
    PerColumn = 1,

    /// <summary><c>C[i, j] += bias[i]</c>, bias length m: one value per output row
    /// (convolution via im2col, <c>Y[channel, pixel] = W * cols + b[channel]</c>).</summary>
    PerRow = 2,
}
