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
        for (var i = 0; i < parameters.Count; i++)
        {
            sum += TensorPrimitives.SumOfSquares<float>(parameters[i].Gradient);
        }

        var norm = Math.Sqrt(sum);
        if (norm > maxNorm)
        {
            var scale = (float)(maxNorm / norm);
            for (var i = 0; i < parameters.Count; i++)
            {
                TensorPrimitives.Multiply(parameters[i].Gradient, scale, parameters[i].Gradient);
            }
        }

        return norm;
    }
}
