using System.Globalization;

namespace MLPipelines.Trainers.Training;

/// <summary>
/// Range checks of the optimizer options the MLP and the CNN share (same YAML names, same rules, same messages).
/// </summary>
internal static class OptimizerOptionChecks
{
    /// <summary>(option, message) pairs for the values out of range; empty when all are valid.</summary>
    public static IEnumerable<(string Option, string Message)> Errors(
        double learningRate, double weightDecay, double warmupFraction, double momentum, double gradientClip, double labelSmoothing)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            yield return ("learning_rate", $"must be finite and > 0, got {Format(learningRate)}");
        }

        if (!(weightDecay >= 0) || !double.IsFinite(weightDecay))
        {
            yield return ("weight_decay", $"must be finite and >= 0, got {Format(weightDecay)}");
        }

        if (!(warmupFraction >= 0 && warmupFraction < 1))
        {
            yield return ("warmup_fraction", $"must be in [0, 1), got {Format(warmupFraction)}");
        }

        if (!(momentum >= 0 && momentum < 1))
        {
            yield return ("momentum", $"must be in [0, 1), got {Format(momentum)}");
        }

        if (!(gradientClip >= 0) || !double.IsFinite(gradientClip))
        {
            yield return ("gradient_clip", $"must be finite and >= 0, got {Format(gradientClip)}");
        }

        if (!(labelSmoothing >= 0 && labelSmoothing < 1))
        {
            yield return ("label_smoothing", $"must be in [0, 1), got {Format(labelSmoothing)}");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
