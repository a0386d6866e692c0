namespace MLPipelines.Neural.Layers;

/// <summary>
/// Moves an activation into the layer before it where that layer can compute it in its own output pass: Dense + ReLU
/// / leaky ReLU into the GEMM epilogue, and any <see cref="IActivationHost"/> (convolution, batch norm). The
/// activation layer then passes data through. Results are the same as unfused. Residual blocks fuse inside their
/// branches.
/// </summary>
internal static class LayerFusion
{
    /// <summary>Fuses every eligible adjacent pair of <paramref name="layers"/> (built layers, in order).</summary>
    public static void Fuse(IReadOnlyList<Layer> layers)
    {
        foreach (var block in layers.OfType<ResidualBlock>())
        {
            block.FuseBranches();
        }

        for (var i = 0; i + 1 < layers.Count; i++)
        {
            if (layers[i] is Dense dense && layers[i + 1] is ActivationLayer act)
            {
                switch (act)
                {
                    case Relu:
                        dense.Fuse(Kernels.GemmActivation.Relu, 0f);
                        act.IsFused = true;
                        break;
                    case LeakyRelu leaky:
                        dense.Fuse(Kernels.GemmActivation.LeakyRelu, leaky.Slope);
                        act.IsFused = true;
                        break;
                }
            }
            else if (layers[i] is IActivationHost host && layers[i + 1] is ActivationLayer next && host.TryFuse(next))
            {
                next.IsFused = true;
            }
        }
    }
}
