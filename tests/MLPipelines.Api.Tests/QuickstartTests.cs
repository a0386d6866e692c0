using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;
using MLPipelines.Core.Runs;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;
using MLPipelines.Tests;

namespace MLPipelines.Api.Tests;

public sealed class QuickstartTests(QuickstartRun quickstart) : IClassFixture<QuickstartRun>
{
    [Fact]
    public void Leaderboard_ThreeModelsBestFirst_AsADataFrame()
    {
        var leaderboard = quickstart.Result.Leaderboard;

        Assert.Equal(3, leaderboard.Rows.Count);
        Assert.Equal(["model", "trainer", "accuracy"], leaderboard.Columns.Take(3).Select(c => c.Name));
        var accuracy = leaderboard.Columns["accuracy"].Cast<double?>().Select(a => a!.Value).ToList();
        Assert.Equal(accuracy.OrderDescending(), accuracy);
        Assert.True(accuracy[0] > 0.9, $"the best model on iris is right more than 90% of the time: {accuracy[0]}");
        Assert.Equal(["lightgbm", "linear", "mlp"], leaderboard.Columns["model"].Cast<string>().Order());
        Assert.Contains("accuracy", quickstart.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_OneRowPerModelAndFold()
    {
        var scores = quickstart.Result.Run.Scores();

        Assert.Equal(9, scores.Rows.Count);
        Assert.Equal([0, 1, 2], scores.Columns["fold"].Cast<int?>().Distinct().Order().Select(f => f!.Value));
        Assert.All(scores.Columns["accuracy"].Cast<double?>(), a => Assert.InRange(a!.Value, 0, 1));
    }

    [Fact]
    public void Predictions_OutOfFold_EveryRowOnce()
    {
        var predictions = quickstart.Result.Run.Predictions("mlp");

        Assert.Equal(150, predictions.Rows.Count);
        Assert.Equal(150, predictions.Columns["row"].Cast<double?>().Distinct().Count());
        Assert.Contains("predicted", predictions.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Predict_DataFrame_SameAsMlpipePredictOnTheSameRows()
    {
        // Given the first five iris rows as CSV, scored by mlpipe predict's code path
        var csv = Path.Combine(quickstart.Folder, "first5.csv");
        File.WriteAllLines(csv, File.ReadLines(TestPaths.Dataset("iris.csv")).Take(6));
        var best = quickstart.Result.Leaderboard.Columns["model"][0] as string;
        var writer = new StringWriter();
        BatchPredictor.Load(Path.Combine(quickstart.Result.Run.Directory, "models", best + ".zip")).Predict(csv, writer);
        var expected = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();

        // When the example's predictions DataFrame is read
        var predictions = quickstart.Result.Predictions;

        // Then the same columns (prediction, probability_CLASS) and the same values, row by row
        Assert.Equal(expected[0][1..], predictions.Columns.Select(c => c.Name));
        for (var r = 0; r < 5; r++)
        {
            Assert.Equal(expected[r + 1][1], predictions.Columns["prediction"][r]);
            for (var c = 1; c < predictions.Columns.Count; c++)
            {
                Assert.Equal(expected[r + 1][c + 1], ((float)predictions.Columns[c][r]!).ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public void Serve_InProcess_AnswersTheSamePrediction()
    {
        using var answer = JsonDocument.Parse(quickstart.Result.ServedAnswer);

        var first = answer.RootElement.GetProperty("predictions")[0];
        Assert.Equal(quickstart.Result.Predictions.Columns["prediction"][0], first.GetProperty("prediction").GetString());
        Assert.Equal((float)quickstart.Result.Predictions.Columns["probability_setosa"][0]!, first.GetProperty("probabilities").GetProperty("setosa").GetSingle());
    }

    [Fact]
    public void Parse_DataFrameWithADataPathToo_RefusedWithTheKey()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", [1, 2]), new StringDataFrameColumn("y", ["a", "b"]));

        var error = Assert.Throws<SpecException>(() => Pipeline.Parse("name: t\ndata: {path: other.csv, label: y}\nmodels: [{name: m, trainer: sdca}]\n", frame));

        Assert.Contains("data.path", error.Message, StringComparison.Ordinal);
        Assert.Contains("remove data.path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DataFrameWithAnUnknownLabel_SpecErrorNamesTheColumn()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("x", [1, 2, 3, 4]), new StringDataFrameColumn("y", ["a", "b", "a", "b"]));

        var error = Assert.ThrowsAny<Exception>(() => Pipeline.Parse("name: t\ndata: {label: z}\nmodels: [{name: m, trainer: sdca}]\n", frame).Run(Path.Combine(quickstart.Folder, "bad")));

        Assert.True(error is SpecException or DataFileException, error.GetType().Name);
        Assert.Contains("'z'", error.Message, StringComparison.Ordinal);
    }
}
