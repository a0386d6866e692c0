using System.Text.Json;
using System.Text.Json.Nodes;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests;

public sealed class ResultsJsonTests
{
    [Fact]
    public void ResultsJson_Serialize_WritesTheReportBlocksInSnakeCaseAndReadsThemBack()
    {
        var results = Sample();

        var json = ResultsJson.Serialize(results);
        var node = JsonNode.Parse(json)!;
        var back = ResultsJson.Deserialize(json);

        Assert.Equal("lightgbm", (string?)node["statistics"]!["baseline"]);
        Assert.Equal(0.91, (double)node["models"]![0]!["metrics"]!["accuracy"]!["ci_low"]!);
        Assert.Equal("x1", (string?)node["models"]![0]!["feature_importance"]!["features"]![0]!["feature"]);
        Assert.Equal(-0.2, (double)node["models"]![0]!["feature_importance"]!["features"]![0]!["mean_change"]!);
        Assert.Null(node["comparisons"]![0]!["t"]);
        Assert.Equal(3, (int)node["comparisons"]![0]!["fold_wins"]!);
        Assert.Equal(28, (int)node["dataset"]!["images"]!["height"]!);
        Assert.Equal(2.5, (double)node["dataset"]!["columns"]![0]!["numeric"]!["std"]!);
        Assert.Equal(results.Comparisons![0], back.Comparisons![0]);
        Assert.Equal(0.95, back.Models[0].Metrics["accuracy"].CiHigh);
        Assert.Equal(results.Models[0].FeatureImportance!.Features, back.Models[0].FeatureImportance!.Features);
        Assert.Equal((28, 28, 1, "idx"), (back.Dataset.Images!.Height, back.Dataset.Images.Width, back.Dataset.Images.Channels, back.Dataset.Images.Format));
    }

    [Fact]
    public void ResultsJson_Deserialize_AcceptsAFileWithoutTheOptionalBlocks()
    {
        const string json = """
            {"name": "x", "task": "binary", "primary_metric": "auc",
             "dataset": {"path": "d.csv", "rows": 10, "features": 2},
             "evaluation": {"method": "kfold", "folds": 5, "repeats": 1, "seed": 42},
             "models": [{"name": "a", "trainer": "lightgbm", "metrics": {"auc": {"mean": 0.9, "std": 0.01, "folds": [0.9]}},
                         "fit_seconds": {"mean": 1, "folds": [1]}, "predict_rows_per_second": 10}]}
            """;

        var results = ResultsJson.Deserialize(json);

        Assert.Null(results.Statistics);
        Assert.Null(results.Comparisons);
        Assert.Null(results.Models[0].FeatureImportance);
        Assert.Null(results.Models[0].Metrics["auc"].CiLow);
        Assert.Null(results.Dataset.Images);
        Assert.Equal("tabular", results.Dataset.Kind);
    }

    [Theory]
    [InlineData("""{"": "green", "count": 13}""")]
    [InlineData("""{"value": null, "count": 13}""")]
    [InlineData("""{"value": "green"}""")]
    public void ResultsJson_Deserialize_RefusesAColumnTopValueWithoutItsValueOrCount(string top)
    {
        // Given a results.json whose column summary lost a top value's key or value (found by the run-folder fuzz)
        static string Json(string top) => $$"""
            {"name": "x", "task": "binary", "primary_metric": "auc",
             "dataset": {"path": "d.csv", "rows": 10, "features": 1, "columns": [{"name": "colour", "kind": "categorical", "top": [{{top}}]}]},
             "evaluation": {"method": "kfold", "folds": 5, "repeats": 1, "seed": 42}, "models": []}
            """;
        Assert.Equal("green", ResultsJson.Deserialize(Json("""{"value": "green", "count": 13}""")).Dataset.Columns[0].Top[0].Value);

        // When it is read, then it is refused as unreadable JSON (the report command's exit 2), not read with a null
        Assert.Throws<JsonException>(() => ResultsJson.Deserialize(Json(top)));
    }

    private static RunResults Sample() => new()
    {
        Name = "sample",
        Task = "binary",
        PrimaryMetric = "accuracy",
        Dataset = new DatasetResult
        {
            Path = "d.csv",
            Rows = 100,
            Features = 2,
            Kind = "images",
            Columns = [new ColumnResult { Name = "x1", Kind = "numeric", Numeric = new NumericSummaryResult(0, 1, 2.5, 9), Top = [new ValueCountResult("1", 4)] }],
            Images = new ImageDatasetResult { Format = "idx", Train = "t.gz", TrainImages = 100, Channels = 1, Height = 28, Width = 28 },
        },
        Evaluation = new EvaluationResult { Method = "kfold", Folds = 5, Repeats = 1, Seed = 42 },
        Models =
        [
            new ModelResult
            {
                Name = "lightgbm",
                Trainer = "lightgbm",
                Metrics = new Dictionary<string, MetricSummary> { ["accuracy"] = new(0.93, 0.01, [0.92, 0.94]) { CiLow = 0.91, CiHigh = 0.95 } },
                FitSeconds = TimingSummary.Of([1.0, 1.2]),
                PredictRowsPerSecond = 1000,
                FeatureImportance = new FeatureImportanceResult
                {
                    Metric = "accuracy",
                    RowsPerSplit = 20,
                    Permutations = 2,
                    Splits = 2,
                    Features = [new FeatureImportanceEntry { Feature = "x1", MeanChange = -0.2, Std = 0.05, Importance = 0.2 }],
                },
            },
        ],
        Statistics = new StatisticsResult { Baseline = "lightgbm", Runs = 5, TestTrainRatio = 0.25, Design = "5-fold", Metrics = ["accuracy"] },
        Comparisons =
        [
            new PairedComparison
            {
                A = "linear", B = "lightgbm", Metric = "accuracy", Count = 5, MeanA = 0.9, MeanB = 0.93, MeanDiff = -0.03, T = null,
                DegreesOfFreedom = 4, PValue = null, Alpha = 0.05, Significant = false, Better = null, FoldWins = 3, FoldTies = 0, FoldLosses = 2,
            },
        ],
    };
}
