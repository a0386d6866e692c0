using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Trainers.Tests;

/// <summary>
/// Small seeded tables for the MLP tests, as ML.NET data views with a <c>Features</c> vector (4 numbers, and for
/// <see cref="WithCity"/> a one-hot block of a 24-value text column) and a task-typed <c>Label</c>.
/// </summary>
internal static class TestTables
{
    public const int Width = 4;

    /// <summary>Binary: <c>Label = x0 + x1 - 0.5 x2 &gt; 0</c> with 5% label noise.</summary>
    public static IDataView Binary(MLContext ml, int rows = 600, int seed = 1) =>
        ml.Data.LoadFromEnumerable(Rows(rows, seed).Select(r => new BinaryRow { Features = r.X, Label = r.Noise < 0.05 ^ (r.X[0] + r.X[1] - (0.5f * r.X[2]) > 0) }));

    /// <summary>Multiclass: 3 classes by which of x0, x1, x2 is largest, as a key column with text key values.</summary>
    public static IDataView Multiclass(MLContext ml, int rows = 600, int seed = 2)
    {
        var view = ml.Data.LoadFromEnumerable(Rows(rows, seed).Select(r => new TextLabelRow
        {
            Features = r.X,
            Label = r.X[0] > r.X[1] && r.X[0] > r.X[2] ? "first" : r.X[1] > r.X[2] ? "second" : "third",
        }));
        return ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
    }

    /// <summary>Regression: <c>Label = 10 + 3 sin(x0) + x1^2 - x2 + noise</c>.</summary>
    public static IDataView Regression(MLContext ml, int rows = 600, int seed = 3) =>
        ml.Data.LoadFromEnumerable(Rows(rows, seed).Select(r => new RegressionRow
        {
            Features = r.X,
            Label = 10 + (3 * MathF.Sin(r.X[0])) + (r.X[1] * r.X[1]) - r.X[2] + (0.1f * (float)(r.Noise - 0.5)),
        }));

    /// <summary>
    /// Binary with a text column <c>City</c> (24 values; half of them raise the odds) one-hot encoded by ML.NET and
    /// concatenated after the numbers, so <c>Features</c> carries a <c>CategoricalSlotRanges</c> annotation.
    /// </summary>
    public static IDataView WithCity(MLContext ml, int rows = 800, int seed = 4)
    {
        var view = ml.Data.LoadFromEnumerable(Rows(rows, seed).Select((r, i) =>
        {
            var city = (i * 7919 % 24) + 1;
            return new CityRow { Numbers = r.X, City = "c" + city, Label = r.X[0] + (city % 2 == 0 ? 1.5f : -1.5f) > 0 };
        }));
        return ml.Transforms.Categorical.OneHotEncoding("CityHot", "City")
            .Append(ml.Transforms.Concatenate("Features", "Numbers", "CityHot"))
            .Fit(view).Transform(view);
    }

    private static IEnumerable<(float[] X, double Noise)> Rows(int rows, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < rows; i++)
        {
            var x = new float[Width];
            for (var j = 0; j < Width; j++)
            {
                x[j] = (float)((random.NextDouble() * 4) - 2);
            }

            yield return (x, random.NextDouble());
        }
    }

    public sealed class BinaryRow
    {
        [VectorType(Width)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    public sealed class TextLabelRow
    {
        [VectorType(Width)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    public sealed class RegressionRow
    {
        [VectorType(Width)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    public sealed class CityRow
    {
        [VectorType(Width)]
        public float[] Numbers { get; set; } = [];

        public string City { get; set; } = "";

        public bool Label { get; set; }
    }
}
