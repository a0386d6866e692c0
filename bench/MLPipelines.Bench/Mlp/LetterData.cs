using System.Globalization;
using MLPipelines.Neural.Training;

namespace MLPipelines.Bench.Mlp;

/// <summary>Loads datasets/letter.csv (label letter first, then 16 integer features) as standardized floats and class indices.</summary>
internal static class LetterData
{
    public static Dataset Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var rows = lines.Length - 1;
        const int features = 16;
        var x = new float[rows * features];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var parts = lines[i + 1].Split(',');
            if (parts.Length != features + 1)
            {
                throw new FormatException($"{path}:{i + 2}: expected {features + 1} fields, got {parts.Length}.");
            }

            y[i] = parts[0].Trim('"')[0] - 'A';
            for (var j = 0; j < features; j++)
            {
                x[(i * features) + j] = float.Parse(parts[j + 1], CultureInfo.InvariantCulture);
            }
        }

        Standardize(x, rows, features);
        return new Dataset(x, y, features);
    }

    /// <summary>Random features and labels of the benchmark's shape, for runs without the CSV.</summary>
    public static Dataset Synthetic(int rows, int features, int classes, int seed)
    {
        var r = new Random(seed);
        var x = new float[rows * features];
        var y = new float[rows];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)((r.NextDouble() * 2) - 1);
        }

        for (var i = 0; i < rows; i++)
        {
            y[i] = r.Next(classes);
        }

        return new Dataset(x, y, features);
    }

    private static void Standardize(float[] x, int rows, int cols)
    {
        for (var j = 0; j < cols; j++)
        {
            double sum = 0, sq = 0;
            for (var i = 0; i < rows; i++)
            {
                sum += x[(i * cols) + j];
            }

            var mean = sum / rows;
            for (var i = 0; i < rows; i++)
            {
                var d = x[(i * cols) + j] - mean;
                sq += d * d;
            }

            var std = Math.Sqrt(sq / rows);
            for (var i = 0; i < rows; i++)
            {
                x[(i * cols) + j] = (float)((x[(i * cols) + j] - mean) / (std > 0 ? std : 1));
            }
        }
    }
}
