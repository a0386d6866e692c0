using MLPipelines.Neural.Layers;

namespace MLPipelines.Neural.Optimizers;

/// <summary>
/// Updates parameters from their gradients. State (momentum, moments) is kept per parameter object and
/// allocated on its first step. <see cref="Step"/> is called once per mini-batch with that step's learning rate.
/// </summary>
public abstract class Optimizer
{
    private readonly Dictionary<Parameter, float[][]> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>Threads an optimizer may use for large parameters (set by the trainer); results do not depend on it.</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Number of completed steps.</summary>
    public long Steps { get; private set; }

    /// <summary>Applies one update to every parameter.</summary>
    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Steps++;

        // An indexed loop: foreach over an IReadOnlyList boxes an enumerator, an allocation every step.
        for (var index = 0; index < parameters.Count; index++)
        {
            var p = parameters[index];
            if (!_state.TryGetValue(p, out var state))
            {
                state = new float[StateArrays][];
                for (var i = 0; i < state.Length; i++)
                {
                    state[i] = new float[p.Value.Length];
                }

                _state.Add(p, state);
            }

            Update(p, state, learningRate, Steps);
        }
    }

    /// <summary>Forgets all state (moments, step count).</summary>
    public void Reset()
    {
        _state.Clear();
        Steps = 0;
    }

    /// <summary>Number of per-parameter state arrays (same length as the parameter).</summary>
    protected abstract int StateArrays { get; }

    /// <summary>Updates one parameter; <paramref name="step"/> is 1-based.</summary>
    protected abstract void Update(Parameter parameter, float[][] state, float learningRate, long step);
}
