namespace MLPipelines.Neural.Layers;

/// <summary>
/// A layer that can compute the element-wise activation right after it inside its own output pass
/// (<see cref="Networks.Network.Build"/> offers it; on acceptance the activation layer becomes a pass-through).
/// </summary>
/// <remarks>
/// Only ReLU and leaky ReLU (slope &gt;= 0) are offered: their derivative can be read off the stored output
/// (<c>sign(f(z)) = sign(z)</c>), so the host's backward needs nothing extra.
/// </remarks>
internal interface IActivationHost
{
    /// <summary>Takes over <paramref name="activation"/> if the host supports it; returns whether it did.</summary>
    bool TryFuse(ActivationLayer activation);
}
