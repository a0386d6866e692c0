using MLPipelines.Neural.Tensors;
using MLPipelines.Neural.Training;

namespace MLPipelines.Neural.Tests.Training;

/// <summary>Small seeded image datasets for CNN tests.</summary>
internal static class ImageData
{
    /// <summary>
    /// Images [channels, size, size] of noise plus one bright 3x3 patch whose position (one of four quadrants, or
    /// the channel it is in) is the class; learnable by a small conv net in a few epochs.
    /// </summary>
    public static Dataset Patches(int rows, int channels, int size, int classes, int seed)
    {
        var r = new Random(seed);
        var shape = new TensorShape(channels, size, size);
        var x = new float[rows * shape.Size];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var c = r.Next(classes);
            y[i] = c;
            var image = x.AsSpan(i * shape.Size, shape.Size);
            for (var j = 0; j < image.Length; j++)
            {
                image[j] = (float)((r.NextDouble() - 0.5) * 0.6);
            }

            var half = size / 2;
            var top = (c % 4 / 2 * half) + r.Next(Math.Max(1, half - 2));
            var left = (c % 2 * half) + r.Next(Math.Max(1, half - 2));
            var channel = c / 4 % channels;
            for (var dy = 0; dy < 3 && top + dy < size; dy++)
            {
                for (var dx = 0; dx < 3 && left + dx < size; dx++)
                {
                    image[(channel * size * size) + ((top + dy) * size) + left + dx] += 1.5f;
                }
            }
        }

        return new Dataset(x, y, shape);
    }
}
