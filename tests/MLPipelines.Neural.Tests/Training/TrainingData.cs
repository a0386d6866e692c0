using MLPipelines.Neural.Training;

namespace MLPipelines.Neural.Tests.Training;

/// <summary>Small seeded datasets for training tests.</summary>
internal static class TrainingData
{
    public static Dataset Xor() => new([0, 0, 0, 1, 1, 0, 1, 1], [0, 1, 1, 0], 2);

    /// <summary>The classic two-arm spiral: <paramref name="perClass"/> points per arm, 2 classes, light noise.</summary>
    public static Dataset Spiral(int perClass, int seed)
    {
        var r = new Random(seed);
        var x = new float[perClass * 2 * 2];
        var y = new float[perClass * 2];
        for (var c = 0; c < 2; c++)
        {
            for (var i = 0; i < perClass; i++)
            {
                var t = (double)i / perClass;
                var radius = 0.1 + (0.9 * t);
                var angle = (c * Math.PI) + (3 * Math.PI * t) + (r.NextDouble() * 0.1);
                var row = (c * perClass) + i;
                x[2 * row] = (float)(radius * Math.Cos(angle));
                x[(2 * row) + 1] = (float)(radius * Math.Sin(angle));
                y[row] = c;
            }
        }

        return new Dataset(x, y, 2);
    }

    /// <summary>A noisy linear multiclass problem of the benchmark's shape (16 features) for speed-independent tests.</summary>
    public static Dataset Blobs(int rows, int features, int classes, int seed)
    {
        var r = new Random(seed);
        var x = new float[rows * features];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var c = r.Next(classes);
            y[i] = c;
            for (var j = 0; j < features; j++)
            {
                x[(i * features) + j] = (float)((j % classes == c ? 1.5 : 0) + r.NextDouble() - 0.5);
            }
        }

        return new Dataset(x, y, features);
    }
}
