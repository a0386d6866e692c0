using MLPipelines.Neural.Layers;

namespace MLPipelines.Neural.Optimizers;

/// <summary>
/// Adam (Kingma and Ba 2015) with optional L2 weight decay added to the gradient (weights only):
/// <c>m = b1 m + (1 - b1) g</c>, <c>v = b2 v + (1 - b2) g^2</c>,
/// <c>p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)</c>.
/// </summary>
public class Adam : Optimizer
{
    /// <summary>Creates the optimizer (PyTorch defaults).</summary>
    public Adam(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
    {
        if (!(beta1 >= 0f && beta1 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must be in [0, 1).");
        }

        if (!(beta2 >= 0f && beta2 < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must be in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
    }

    /// <summary>First-moment decay.</summary>
    public float Beta1 { get; }

    /// <summary>Second-moment decay.</summary>
    public float Beta2 { get; }

    /// <summary>Denominator guard.</summary>
    public float Epsilon { get; }

    /// <summary>Weight-decay coefficient (L2 for Adam, decoupled for AdamW); never applied to biases or norms.</summary>
    public float WeightDecay { get; }

    /// <summary>True when decay multiplies the weights directly (AdamW) instead of entering the gradient.</summary>
    protected virtual bool DecoupledDecay => false;

    /// <inheritdoc />
    protected override int StateArrays => 2;

    private readonly AdamJob _job = new();

    /// <inheritdoc />
    protected override void Update(Parameter parameter, float[][] state, float learningRate, long step)
    {
        var bias1 = 1.0 - Math.Pow(Beta1, step);
        var bias2 = 1.0 - Math.Pow(Beta2, step);
        var wd = parameter.Decays ? WeightDecay : 0f;
        var decayFactor = DecoupledDecay ? 1f - (learningRate * wd) : 1f;
        var l2 = DecoupledDecay ? 0f : wd;
        var stepSize = (float)(learningRate / bias1);
        var invSqrtBias2 = (float)(1.0 / Math.Sqrt(bias2));
        var length = parameter.Value.Length;
        if (Threads > 1 && length >= AdamJob.ParallelMinLength)
        {
            // Element-wise and split into disjoint chunks: the same bits for any thread count.
            _job.Set(parameter, state, Beta1, Beta2, Epsilon, stepSize, invSqrtBias2, decayFactor, l2);
            Kernels.ComputePool.Shared.Run(_job, (length + AdamJob.Chunk - 1) / AdamJob.Chunk, Threads);
            return;
        }

        AdamKernel.Update(parameter.Value, parameter.Gradient, state[0], state[1], Beta1, Beta2, Epsilon,
            stepSize, invSqrtBias2, decayFactor, l2);
    }
}
