using System.Numerics.Tensors;
using MLPipelines.Neural.Layers;

namespace MLPipelines.Neural.Optimizers;

/// <summary>Gradient-norm clipping over all parameters together.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Computes the global norm <c>||g|| = sqrt(sum over all parameters of sum g^2)</c> and, when it exceeds
    /// <paramref name="maxNorm"/>, scales every gradient by <c>maxNorm / ||g||</c>. Returns the norm before clipping.
    /// </summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNorm);
        double sum = 0;
        foreach (var p in parameters)
        {
            sum += TensorPrimitives.SumOfSquares<float>(p.Gradient);
        }

        var norm = Math.Sqrt(sum);
        if (norm > maxNorm)
        {
            var scale = (float)(maxNorm / norm);
            foreach (var p in parameters)
            {
                TensorPrimitives.Multiply(p.Gradient, scale, p.Gradient);
            }
        }

        return norm;
    }
}
