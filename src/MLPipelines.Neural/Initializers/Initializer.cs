namespace MLPipelines.Neural.Initializers;

/// <summary>Weight initialization schemes; fan-in/fan-out are the input/output sizes of the weight.</summary>
public enum Initializer
{
    /// <summary>He (Kaiming) normal: N(0, 2 / fan_in). For ReLU-family activations.</summary>
    HeNormal,

    /// <summary>He uniform: U(-a, a), a = sqrt(6 / fan_in).</summary>
    HeUniform,

    /// <summary>Glorot (Xavier) uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out)). For tanh/sigmoid.</summary>
    GlorotUniform,

    /// <summary>Glorot normal: N(0, 2 / (fan_in + fan_out)).</summary>
    GlorotNormal,

    /// <summary>LeCun normal: N(0, 1 / fan_in). For SELU (self-normalizing nets).</summary>
    LeCunNormal,

    /// <summary>LeCun uniform: U(-a, a), a = sqrt(3 / fan_in).</summary>
    LeCunUniform,
}
