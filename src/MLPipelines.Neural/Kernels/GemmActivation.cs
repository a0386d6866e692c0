namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Activation a GEMM epilogue applies element-wise while it stores C (see <see cref="GemmEpilogue"/>).
/// Only activations that cost one or two vector instructions are fused; anything needing the
/// pre-activation value for backward (GELU, SiLU, ...) is better applied by the layer afterwards.
/// </summary>
public enum GemmActivation
{
    /// <summary>Identity: <c>f(x) = x</c>.</summary>
    None = 0,

    /// <summary>Rectified linear unit: <c>f(x) = max(x, 0)</c>.</summary>
    Relu = 1,

    /// <summary>Leaky ReLU: <c>f(x) = x</c> for <c>x &gt; 0</c>, else <c>slope * x</c>
    /// (slope from <see cref="GemmEpilogue.LeakySlope"/>).</summary>
    LeakyRelu = 2,
}
