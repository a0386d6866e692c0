using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Layers;

namespace MLPipelines.Neural.Optimizers;

/// <summary>One Adam/AdamW update of a large parameter, split into fixed chunks for <see cref="ComputePool"/>.</summary>
internal sealed class AdamJob : IComputeJob
{
    /// <summary>Elements per part (a multiple of the vector width, so chunks start aligned).</summary>
    public const int Chunk = 16384;

    /// <summary>Below this many elements the update runs on the caller: dispatch would cost more than it saves.</summary>
    public const int ParallelMinLength = 2 * Chunk;

    private Parameter? _parameter;
    private float[][]? _state;
    private float _beta1, _beta2, _epsilon, _stepSize, _invSqrtBias2, _decayFactor, _l2;

    public void Set(Parameter parameter, float[][] state, float beta1, float beta2, float epsilon, float stepSize, float invSqrtBias2, float decayFactor, float l2)
    {
        _parameter = parameter;
        _state = state;
        (_beta1, _beta2, _epsilon, _stepSize, _invSqrtBias2, _decayFactor, _l2) = (beta1, beta2, epsilon, stepSize, invSqrtBias2, decayFactor, l2);
    }

    public void Execute(int part, int worker)
    {
        var p = _parameter!;
        var start = part * Chunk;
        var length = Math.Min(Chunk, p.Value.Length - start);
        AdamKernel.Update(p.Value.AsSpan(start, length), p.Gradient.AsSpan(start, length), _state![0].AsSpan(start, length), _state[1].AsSpan(start, length),
            _beta1, _beta2, _epsilon, _stepSize, _invSqrtBias2, _decayFactor, _l2);
    }
}
