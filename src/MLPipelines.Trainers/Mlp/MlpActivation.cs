namespace MLPipelines.Trainers.Mlp;

/// <summary>Activation after each hidden layer (YAML <c>activation</c>).</summary>
public enum MlpActivation
{
    /// <summary><c>max(0, x)</c>; fused into the GEMM epilogue, the fastest.</summary>
    Relu,

    /// <summary><c>max(0.01 x, x)</c>.</summary>
    LeakyRelu,

    /// <summary><c>x Phi(x)</c> (exact, erf-based).</summary>
    Gelu,

    /// <summary><c>x sigmoid(x)</c> (swish).</summary>
    Silu,

    /// <summary>Scaled ELU (self-normalizing; LeCun-normal initialization).</summary>
    Selu,

    /// <summary><c>x tanh(softplus(x))</c>.</summary>
    Mish,

    /// <summary><c>tanh(x)</c> (Glorot initialization).</summary>
    Tanh,
}
