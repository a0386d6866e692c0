namespace MLPipelines.Neural.Optimizers;

/// <summary>
/// AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay applied before the Adam step,
/// <c>p *= 1 - lr wd</c>, on weights and embeddings only (never biases or normalization parameters).
/// </summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates the optimizer (PyTorch defaults, weight decay 0.01).</summary>
    public AdamW(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
        : base(beta1, beta2, epsilon, weightDecay)
    {
    }

    /// <inheritdoc />
    protected override bool DecoupledDecay => true;
}
