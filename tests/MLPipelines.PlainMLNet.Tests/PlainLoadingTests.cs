using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.PlainMLNet.Tests;

/// <summary>
/// Model zips of our trainers load in a program that has only Microsoft.ML and Microsoft.ML.OnnxTransformer (no
/// MLPipelines assembly is referenced, copied or registered) and predict exactly what <c>mlpipe predict</c> writes.
/// </summary>
public sealed class PlainLoadingTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Theory]
    [InlineData("binary", "mlp")]
    [InlineData("binary", "xgboost")]
    [InlineData("multiclass", "mlp")]
    [InlineData("regression", "mlp")]
    public void LoadWithDataLoader_TabularZip_PredictsExactlyWhatMlpipePredictWrites(string run, string model)
    {
        if (model == "xgboost" && !TrainedModels.HasXGBoost)
        {
            return; // libxgboost is not installed here (CI installs it)
        }

        // Given a zip written by a real run and mlpipe predict's output for the same file
        var expected = models.Predict(run, model);
        var header = expected[0].Split(',');

        // When plain ML.NET loads the zip with its text loader and scores the file
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.LoadWithDataLoader(models.Zip(run, model), out var loader);
        var scored = transformer.Transform(loader.Load(TrainedModels.DataOf(run)));

        // Then every row's prediction and probabilities (or score) are the same, to the last bit
        var actual = Rows(scored, header);
        Assert.Equal(expected.Length - 1, actual.Count);
        for (var row = 0; row < actual.Count; row++)
        {
            var fields = expected[row + 1].Split(',');
            Assert.Equal(fields[1], actual[row][0]);
            for (var k = 2; k < fields.Length; k++)
            {
                Assert.Equal(float.Parse(fields[k], CultureInfo.InvariantCulture), float.Parse(actual[row][k - 1], CultureInfo.InvariantCulture));
            }
        }

        AssertNoMLPipelinesAssemblyLoaded();
    }

    [Fact]
    public void Load_CnnZip_ScoresPixelVectorsWithItsOwnSchema()
    {
        // Given the CNN's zip (it carries its input schema: Label and a Features vector of pixels in [0, 1])
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(models.Zip("images", "cnn"), out var schema);
        Assert.Equal(64, ((VectorDataViewType)schema["Features"].Type).Size);

        // When plain ML.NET scores the digits file's pixels (0-16 in the file)
        var rows = File.ReadLines(TrainedModels.DataOf("images")).Skip(1).Select(line => line.Split(','))
            .Select(f => new DigitRow { Features = f.Skip(1).Select(p => float.Parse(p, CultureInfo.InvariantCulture) / 16f).ToArray(), Digit = f[0] })
            .ToList();
        var scored = transformer.Transform(ml.Data.LoadFromEnumerable(rows, SchemaFor(schema)));

        // Then it predicts class names with probabilities that sum to 1, mostly right on the rows it was trained on
        var predictions = scored.GetColumn<ReadOnlyMemory<char>>("Prediction").Select(p => p.ToString()).ToList();
        var scores = scored.GetColumn<float[]>("Score").ToList();
        Assert.Equal(rows.Count, predictions.Count);
        Assert.All(scores, s => Assert.Equal(1.0, s.Sum(v => (double)v), 3));
        var right = predictions.Zip(rows).Count(p => p.First == p.Second.Digit);
        Assert.True(right > rows.Count / 2, $"a CNN trained on these digits gets most of them right: {right} of {rows.Count}; first predictions {string.Join(" ", predictions.Take(10))} for {string.Join(" ", rows.Take(10).Select(r => r.Digit))}");
        AssertNoMLPipelinesAssemblyLoaded();
    }

    private static SchemaDefinition SchemaFor(DataViewSchema schema)
    {
        var definition = SchemaDefinition.Create(typeof(DigitRow));
        definition["Features"].ColumnType = schema["Features"].Type;
        return definition;
    }

    /// <summary>Each row as text: the prediction, then the probability / per-class probabilities, as predict writes them.</summary>
    private static List<string[]> Rows(IDataView scored, string[] header)
    {
        var schema = scored.Schema;
        var prediction = schema["Prediction"];
        var texts = prediction.Type switch
        {
            TextDataViewType => scored.GetColumn<ReadOnlyMemory<char>>(prediction).Select(p => p.ToString()),
            BooleanDataViewType => scored.GetColumn<bool>(prediction).Select(b => b ? "true" : "false"),
            _ => scored.GetColumn<float>(prediction).Select(Number),
        };
        IEnumerable<string[]> extra = header.Length == 2
            ? texts.Select(_ => Array.Empty<string>())
            : header[2] == "probability"
                ? scored.GetColumn<float>("Probability").Select(p => new[] { Number(p) })
                : scored.GetColumn<float[]>("Score").Select(s => s.Select(Number).ToArray());
        return texts.Zip(extra, (t, e) => new[] { t }.Concat(e).ToArray()).ToList();
    }

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void AssertNoMLPipelinesAssemblyLoaded() =>
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? ""),
            name => name.StartsWith("MLPipelines.", StringComparison.Ordinal) && name != typeof(PlainLoadingTests).Assembly.GetName().Name);

    private sealed class DigitRow
    {
        public float[] Features { get; set; } = [];

        public string Digit { get; set; } = "";
    }
}
