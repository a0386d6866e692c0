using Microsoft.ML;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>Feature scaling that linear trainers add in front of themselves when the pipeline did not normalize.</summary>
internal static class LinearScaling
{
    /// <summary>
    /// <paramref name="trainer"/> preceded, when <see cref="TrainerContext.FeaturesNormalized"/> is false, by ML.NET's
    /// mean-variance normalizer on the feature vector ((x - mean) / std per slot, fitted on the training rows).
    /// </summary>
    public static IEstimator<ITransformer> Prepend(TrainerContext context, IEstimator<ITransformer> trainer)
    {
        if (context.FeaturesNormalized)
        {
            return trainer;
        }

        return context.MLContext.Transforms.NormalizeMeanVariance(context.FeatureColumn, fixZero: false)
            .Append(trainer);
    }
}
