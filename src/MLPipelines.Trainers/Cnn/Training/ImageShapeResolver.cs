using MLPipelines.Neural.Tensors;

namespace MLPipelines.Trainers.Cnn.Training;

/// <summary>Which <c>[C, H, W]</c> the flat feature vector holds: given by the pipeline, by the options, or inferred from its length.</summary>
internal static class ImageShapeResolver
{
    /// <summary>
    /// <paramref name="known"/> (the pipeline's image shape) or <see cref="CnnOptions.ImageShape"/> when set (checked
    /// against <paramref name="width"/>), else <c>[1, s, s]</c> for <c>width = s^2</c>, else <c>[3, s, s]</c> for <c>width = 3 s^2</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The shape does not match the vector, or cannot be inferred.</exception>
    public static TensorShape Resolve(int width, IReadOnlyList<int>? known, IReadOnlyList<int>? option, string featureColumn)
    {
        var given = known ?? option;
        if (given is not null)
        {
            if (given.Count != 3 || given.Any(d => d < 1) || (long)given[0] * given[1] * given[2] != width)
            {
                throw new ArgumentException(
                    $"CNN: image shape [{string.Join(", ", given)}] does not match feature column '{featureColumn}' of {width} values (expected [channels, height, width] with channels x height x width = {width}).");
            }

            return new TensorShape(given[0], given[1], given[2]);
        }

        foreach (var channels in (int[])[1, 3])
        {
            if (width % channels == 0 && Math.Sqrt(width / channels) is var side && side == Math.Floor(side))
            {
                return new TensorShape(channels, (int)side, (int)side);
            }
        }

        throw new ArgumentException(
            $"CNN: cannot tell the image shape of feature column '{featureColumn}' ({width} values is neither s^2 nor 3 s^2); set CnnOptions.ImageShape to [channels, height, width].");
    }
}
