using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Trainers.Tests.Cnn;

/// <summary>
/// Small synthetic image sets: 8x8 grayscale images of three shapes (a horizontal bar, a vertical bar, a diagonal) at
/// random positions, with pixel noise, as an ML.NET view with a 64-value <c>Features</c> vector and a key <c>Label</c>.
/// </summary>
internal static class TinyImages
{
    public const int Side = 8;

    public static readonly string[] Classes = ["horizontal", "vertical", "diagonal"];

    /// <summary><paramref name="rows"/> images, classes in turn, seeded.</summary>
    public static IDataView Create(MLContext ml, int rows = 300, int seed = 3, int channels = 1)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, rows).Select(i => Row(random, i % Classes.Length, channels)).ToList();
        var view = ml.Data.LoadFromEnumerable(items, SchemaOf(channels));
        return ml.Transforms.Conversion.MapValueToKey("Label", "Name").Fit(view).Transform(view);
    }

    /// <summary>The raw rows (for a PredictionEngine).</summary>
    public static ImageRow Row(Random random, int cls, int channels = 1)
    {
        var pixels = new float[channels * Side * Side];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)(random.NextDouble() * 0.2);
        }

        var at = random.Next(1, Side - 1);
        for (var k = 0; k < Side; k++)
        {
            var (y, x) = cls switch
            {
                0 => (at, k),
                1 => (k, at),
                _ => (k, (k + at) % Side),
            };
            for (var c = 0; c < channels; c++)
            {
                pixels[(c * Side * Side) + (y * Side) + x] = 0.8f + (float)(random.NextDouble() * 0.2);
            }
        }

        return new ImageRow { Name = Classes[cls], Features = pixels };
    }

    public static SchemaDefinition SchemaOf(int channels)
    {
        var schema = SchemaDefinition.Create(typeof(ImageRow));
        schema[nameof(ImageRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, channels * Side * Side);
        return schema;
    }

    public sealed class ImageRow
    {
        public string Name { get; set; } = "";

        public float[] Features { get; set; } = [];
    }
}
