using MLPipelines.Neural.Layers;

namespace MLPipelines.Neural.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay (PyTorch semantics,
/// no dampening): <c>g = grad + wd p</c> (weights only), <c>b = mu b + g</c>,
/// <c>p -= lr (g + mu b)</c> with Nesterov, else <c>p -= lr b</c>.
/// </summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the optimizer.</summary>
    public Sgd(float momentum = 0f, bool nesterov = false, float weightDecay = 0f)
    {
        if (!(momentum >= 0f && momentum < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1).");
        }

        if (nesterov && momentum == 0f)
        {
            throw new ArgumentException("Nesterov momentum needs momentum > 0.", nameof(nesterov));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        Momentum = momentum;
        Nesterov = nesterov;
        WeightDecay = weightDecay;
    }

    /// <summary>Momentum mu.</summary>
    public float Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>L2 coefficient added to the gradient of decaying parameters.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc />
    protected override int StateArrays => Momentum > 0f ? 1 : 0;

    /// <inheritdoc />
    protected override void Update(Parameter parameter, float[][] state, float learningRate, long step)
    {
        var p = parameter.Value;
        var grad = parameter.Gradient;
        var wd = parameter.Decays ? WeightDecay : 0f;
        var mu = Momentum;
        for (var i = 0; i < p.Length; i++)
        {
            var g = grad[i] + (wd * p[i]);
            if (mu > 0f)
            {
                var b = (mu * state[0][i]) + g;
                state[0][i] = b;
                g = Nesterov ? g + (mu * b) : b;
            }

            p[i] -= learningRate * g;
        }
    }
}
