using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MLPipelines.Core.Runs;
using MLPipelines.Results.Csv;
using MLPipelines.Tests;

namespace MLPipelines.Serving.Tests;

[Collection(ServedRunsCollection.Name)]
public sealed class PredictTests(ServedRuns runs)
{
    [Theory]
    [InlineData("lightgbm")]
    [InlineData("linear")]
    public async Task Predict_TelcoJsonRows_SameAsMlpipePredict(string model)
    {
        // Given mlpipe predict's CSV for 40 telco rows
        var input = Path.Combine(runs.Folder, $"first40-{model}.csv");
        File.WriteAllLines(input, File.ReadLines(runs.TelcoCsv).Take(41));
        var expectedFile = Path.Combine(runs.Folder, $"expected-{model}.csv");
        var (code, output) = ServedRuns.Mlpipe("predict", "--model", Path.Combine(runs.TelcoRun, "models", model + ".zip"), "--input", input, "--output", expectedFile);
        Assert.True(code == 0, output);
        var expected = File.ReadAllLines(expectedFile).Skip(1).Select(line => line.Split(',')).ToList();

        // When the same rows are posted as JSON (numbers as numbers, empty cells as null, the label column included)
        var (status, json) = await Http.PostJsonAsync(runs.Telco, $"predict/{model}", RowsJson(CsvTable.Read(input)));

        // Then every prediction and probability has the same digits
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(model, json.GetProperty("model").GetString());
        Assert.Equal("binary", json.GetProperty("task").GetString());
        Assert.Equal("Yes", json.GetProperty("positive_class").GetString());
        var predictions = json.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(expected.Count, predictions.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            Assert.Equal(expected[r][1], predictions[r].GetProperty("prediction").GetString());
            Assert.Equal(expected[r][2], predictions[r].GetProperty("probability").GetRawText());
        }
    }

    [Fact]
    public async Task Predict_TelcoCsvBody_SameAsJsonRows()
    {
        // Given 10 telco rows as CSV text and as JSON
        var lines = File.ReadLines(runs.TelcoCsv).Take(11).ToList();
        var path = Path.Combine(runs.Folder, "first10.csv");
        File.WriteAllLines(path, lines);

        // When both are posted to the default model
        var (csvStatus, fromCsv) = await Http.PostAsync(runs.Telco, "predict", Encoding.UTF8.GetBytes(string.Join('\n', lines)), "text/csv");
        var (jsonStatus, fromJson) = await Http.PostJsonAsync(runs.Telco, "predict", RowsJson(CsvTable.Read(path)));

        // Then both answer the same predictions
        Assert.Equal(HttpStatusCode.OK, csvStatus);
        Assert.Equal(HttpStatusCode.OK, jsonStatus);
        Assert.Equal(fromJson.GetProperty("predictions").GetRawText(), fromCsv.GetProperty("predictions").GetRawText());
    }

    [Fact]
    public async Task Predict_ConcurrentRequests_EachAnswerEqualsTheSequentialOne()
    {
        // Given the answer to each of 8 different single-row requests, asked one at a time
        var table = CsvTable.Read(runs.TelcoCsv);
        var bodies = Enumerable.Range(0, 8).Select(r => RowsJson(table, r, 1)).ToList();
        var sequential = new List<string>();
        foreach (var body in bodies)
        {
            sequential.Add((await Http.PostJsonAsync(runs.Telco, "predict/lightgbm", body)).Json.GetRawText());
        }

        // When each is sent 8 times, all 64 at once
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 64)
            .Select(i => Http.PostJsonAsync(runs.Telco, "predict/lightgbm", bodies[i % 8])));

        // Then every answer is 200 and equal to the sequential one
        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(HttpStatusCode.OK, concurrent[i].Status);
            Assert.Equal(sequential[i % 8], concurrent[i].Json.GetRawText());
        }
    }

    [Fact]
    public async Task Models_TelcoRun_ListsInputsMetricsAndTheBestAsDefault()
    {
        var (status, json) = await Http.GetAsync(runs.Telco, "models");

        Assert.Equal(HttpStatusCode.OK, status);
        var models = json.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["lightgbm", "linear"], models.Select(m => m.GetProperty("name").GetString()));
        var accuracy = models.ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("metrics").GetProperty("accuracy").GetDouble());
        Assert.Equal(accuracy.MaxBy(kv => kv.Value).Key, json.GetProperty("default_model").GetString());
        var inputs = models[0].GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("type").GetString());
        Assert.Equal("number", inputs["tenure"]);
        Assert.Equal("text", inputs["contract"]);
        Assert.DoesNotContain("churn", inputs.Keys);
        Assert.Equal(["No", "Yes"], models[0].GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task HealthAndOpenApi_Answer()
    {
        var (healthStatus, health) = await Http.GetAsync(runs.Telco, "health");
        var (openApiStatus, openApi) = await Http.GetAsync(runs.Telco, "openapi.json");

        Assert.Equal(HttpStatusCode.OK, healthStatus);
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(2, health.GetProperty("models").GetInt32());
        Assert.Equal(HttpStatusCode.OK, openApiStatus);
        Assert.Equal("3.1.0", openApi.GetProperty("openapi").GetString());
        var row = openApi.GetProperty("components").GetProperty("schemas").GetProperty("lightgbm.row");
        Assert.Equal("number", row.GetProperty("properties").GetProperty("tenure").GetProperty("type")[0].GetString());
        Assert.Contains("tenure", row.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Predict_ImageFiles_SameAsTheModelOnTheirPixels()
    {
        // Given 20 test images of the Fashion-MNIST subset, and the model's own scores for their pixels
        var (images, labels) = ServedRuns.TestImages();
        var predictor = BatchPredictor.Load(Path.Combine(runs.ImageRun, "models", "mlp.zip"));
        var pixels = images.Take(20).SelectMany(image => image.Select(b => b / 255f)).ToArray();
        var direct = predictor.PredictPixels(pixels, 20);

        // When each is posted as a PNG file, and all as JSON pixels, and one as base64 in JSON
        var png = new List<JsonElement>();
        for (var i = 0; i < 20; i++)
        {
            var file = ImageFiles.WritePng(Path.Combine(runs.Folder, "png", $"{i}.png"), images[i], 28, 28, 1);
            var (status, json) = await Http.PostAsync(runs.Images, "predict", File.ReadAllBytes(file), "image/png");
            Assert.Equal(HttpStatusCode.OK, status);
            png.Add(json.GetProperty("predictions")[0]);
        }

        var rows = string.Join(',', images.Take(20).Select(image => "{\"pixels\": [" + string.Join(',', image.Select(b => (b / 255f).ToString("R", CultureInfo.InvariantCulture))) + "]}"));
        var (pixelStatus, fromPixels) = await Http.PostJsonAsync(runs.Images, "predict/mlp", "{\"rows\": [" + rows + "]}");
        var base64 = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(runs.Folder, "png", "3.png")));
        var (base64Status, fromBase64) = await Http.PostJsonAsync(runs.Images, "predict", $"[{{\"image\": \"{base64}\"}}]");

        // Then all three give the model's own predictions and probabilities, in class names, mostly right
        Assert.Equal(HttpStatusCode.OK, pixelStatus);
        Assert.Equal(HttpStatusCode.OK, base64Status);
        var classes = direct.Classes;
        Assert.Equal("T-shirt/top", classes[0]);
        for (var i = 0; i < 20; i++)
        {
            foreach (var answer in new[] { png[i], fromPixels.GetProperty("predictions")[i] })
            {
                Assert.Equal(direct.Rows[i].Label, answer.GetProperty("prediction").GetString());
                var probabilities = answer.GetProperty("probabilities");
                for (var k = 0; k < classes.Count; k++)
                {
                    Assert.Equal(direct.Rows[i].Probabilities![k], probabilities.GetProperty(classes[k]).GetSingle());
                }
            }
        }

        Assert.Equal(png[3].GetRawText(), fromBase64.GetProperty("predictions")[0].GetRawText());
        var right = Enumerable.Range(0, 20).Count(i => direct.Rows[i].Label == classes[labels[i]]);
        Assert.True(right >= 12, $"an MLP trained on the subset gets most test images right: {right} of 20");
    }

    [Fact]
    public async Task Predict_LargerImage_IsResizedLikeTrainingImages()
    {
        // Given a test image drawn at 56x56 (each pixel doubled)
        var (images, _) = ServedRuns.TestImages();
        var big = new byte[56 * 56];
        for (var y = 0; y < 56; y++)
        {
            for (var x = 0; x < 56; x++)
            {
                big[(y * 56) + x] = images[0][((y / 2) * 28) + (x / 2)];
            }
        }

        var file = ImageFiles.WritePng(Path.Combine(runs.Folder, "big.png"), big, 56, 56, 1);
        var small = ImageFiles.WritePng(Path.Combine(runs.Folder, "small.png"), images[0], 28, 28, 1);

        // When both are posted
        var (status, resized) = await Http.PostAsync(runs.Images, "predict", File.ReadAllBytes(file), "image/png");
        var (_, original) = await Http.PostAsync(runs.Images, "predict", File.ReadAllBytes(small), "image/png");

        // Then the 56x56 one is area-resized to 28x28 (the same pixels, up to rounding), so the same answer
        Assert.Equal(HttpStatusCode.OK, status);
        var a = original.GetProperty("predictions")[0];
        var b = resized.GetProperty("predictions")[0];
        Assert.Equal(a.GetProperty("prediction").GetString(), b.GetProperty("prediction").GetString());
        foreach (var p in a.GetProperty("probabilities").EnumerateObject())
        {
            Assert.Equal(p.Value.GetDouble(), b.GetProperty("probabilities").GetProperty(p.Name).GetDouble(), 5);
        }
    }

    /// <summary>Rows of <paramref name="table"/> as JSON: numbers as JSON numbers, empty cells as null, other text as strings.</summary>
    internal static string RowsJson(CsvTable table, int first = 0, int count = -1)
    {
        var rows = new StringBuilder("{\"rows\": [");
        var last = count < 0 ? table.RowCount : first + count;
        for (var r = first; r < last; r++)
        {
            rows.Append(r > first ? ",{" : "{");
            for (var c = 0; c < table.Header.Count; c++)
            {
                var cell = table.Columns[c][r];
                rows.Append(c > 0 ? "," : "").Append(JsonSerializer.Serialize(table.Header[c])).Append(':');
                rows.Append(cell.Length == 0 ? "null"
                    : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? cell
                    : JsonSerializer.Serialize(cell));
            }

            rows.Append('}');
        }

        return rows.Append("]}").ToString();
    }
}
