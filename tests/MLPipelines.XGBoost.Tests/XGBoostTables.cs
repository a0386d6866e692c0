using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// Small seeded tables with a <c>Features</c> vector of <see cref="Width"/> numbers of which about 10% are missing
/// (NaN, so XGBoost's default directions are exercised) and a task-typed <c>Label</c>.
/// </summary>
internal static class XGBoostTables
{
    public const int Width = 5;

    /// <summary>Binary: <c>x0 + x1 - 0.5 x2 &gt; 0</c> (missing counts as 0) with 5% label noise.</summary>
    public static IDataView Binary(MLContext ml, int rows = 600, int seed = 1) =>
        ml.Data.LoadFromEnumerable(Rows(rows, seed).Select(r => new BinaryRow { Features = r.X, Label = r.Noise < 0.05 ^ (V(r.X, 0) + V(r.X, 1) - (0.5f * V(r.X, 2)) > 0) }));

    /// <summary>Multiclass: 3 classes by which of x0, x1, x2 is largest, as a key column with text key values.</summary>
    public static IDataView Multiclass(MLContext ml, int rows = 600, int seed = 2)
    {
        var view = ml.Data.LoadFromEnumerable(Rows(rows, seed).Select(r => new TextLabelRow
        {
            Features = r.X,
            Label = V(r.X, 0) > V(r.X, 1) && V(r.X, 0) > V(r.X, 2) ? "first" : V(r.X, 1) > V(r.X, 2) ? "second" : "third",
        }));
        return ml.Transforms.Conversion.MapValueToKey("Label").Fit(view).Transform(view);
    }

    /// <summary>Regression: <c>10 + 3 sin(x0) + x1^2 - x2 + noise</c>.</summary>
    public static IDataView Regression(MLContext ml, int rows = 600, int seed = 3) =>
        ml.Data.LoadFromEnumerable(Rows(rows, seed).Select(r => new RegressionRow
        {
            Features = r.X,
            Label = 10 + (3 * MathF.Sin(V(r.X, 0))) + (V(r.X, 1) * V(r.X, 1)) - V(r.X, 2) + (0.1f * (float)(r.Noise - 0.5)),
        }));

    /// <summary>The feature rows of <paramref name="view"/>, row-major (for feeding XGBoost directly).</summary>
    public static float[] Features(IDataView view) =>
        [.. view.GetColumn<VBuffer<float>>("Features").SelectMany(v => v.DenseValues())];

    private static float V(float[] x, int i) => float.IsNaN(x[i]) ? 0 : x[i];

    private static IEnumerable<(float[] X, double Noise)> Rows(int rows, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < rows; i++)
        {
            var x = new float[Width];
            for (var j = 0; j < Width; j++)
            {
                var value = (float)((random.NextDouble() * 4) - 2);
                x[j] = random.NextDouble() < 0.1 ? float.NaN : value;
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
}
