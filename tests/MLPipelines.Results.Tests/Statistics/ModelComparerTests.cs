using System.Text.Json;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class ModelComparerTests
{
    // bench/stats/fixtures/run_kfold.json (accuracy, 5-fold x 2); reference p-values from scipy, Holm by hand.
    private static readonly ModelScores[] Models =
    [
        Model("lightgbm", [0.88, 0.84, 0.895, 0.865, 0.875, 0.865, 0.915, 0.89, 0.885, 0.87]),
        Model("fasttree", [0.885, 0.895, 0.855, 0.83, 0.925, 0.87, 0.885, 0.88, 0.885, 0.885]),
        Model("mlp", [0.865, 0.9, 0.935, 0.84, 0.925, 0.835, 0.9, 0.905, 0.91, 0.89]),
        Model("linear", [0.825, 0.825, 0.85, 0.815, 0.86, 0.815, 0.84, 0.835, 0.88, 0.82]),
    ];

    private static readonly ResamplingDesign Design = ResamplingDesign.KFold(5, 2);

    [Fact]
    public void ModelComparer_AgainstBaseline_ComparesEveryOtherModelWithoutAdjustment()
    {
        var comparisons = ModelComparer.AgainstBaseline(Models, "lightgbm", Design);

        Assert.Equal(["fasttree", "mlp", "linear"], comparisons.Select(c => c.A));
        Assert.All(comparisons, c => Assert.Equal("lightgbm", c.B));
        Assert.All(comparisons, c => Assert.Null(c.PValueHolm));
        var linear = comparisons.Single(c => c.A == "linear");
        Close.Relative(0.011666103595131557, linear.PValue!.Value, 1e-10);
        Assert.True(linear.Significant);
        Assert.Equal("lightgbm", linear.Better);
    }

    [Fact]
    public void ModelComparer_AllPairs_HolmAdjustsWithinTheMetric()
    {
        var comparisons = ModelComparer.AllPairs(Models, Design);

        Assert.Equal(6, comparisons.Count);

        // Six p-values: 0.00343 · 6 = 0.0206 stays significant; 0.01167 · 5 = 0.0583 no longer is.
        var mlpLinear = comparisons.Single(c => c.A == "mlp" && c.B == "linear");
        var lightgbmLinear = comparisons.Single(c => c.A == "lightgbm" && c.B == "linear");
        Close.Relative(6 * 0.003426542595948913, mlpLinear.PValueHolm!.Value, 1e-9);
        Close.Relative(5 * 0.011666103595131557, lightgbmLinear.PValueHolm!.Value, 1e-9);
        Assert.True(mlpLinear.Significant);
        Assert.Equal("mlp", mlpLinear.Better);
        Assert.False(lightgbmLinear.Significant);
        Assert.True(lightgbmLinear.PValue < 0.05);
        Assert.Null(lightgbmLinear.Better);
    }

    [Fact]
    public void ModelComparer_AllPairs_RunsEveryMetricAsItsOwnFamily()
    {
        ModelScores[] models =
        [
            new("a", new Dictionary<string, IReadOnlyList<double>> { ["accuracy"] = [0.8, 0.9], ["log_loss"] = [0.3, 0.2] }),
            new("b", new Dictionary<string, IReadOnlyList<double>> { ["accuracy"] = [0.7, 0.8], ["log_loss"] = [0.4, 0.5] }),
        ];

        var comparisons = ModelComparer.AllPairs(models, ResamplingDesign.KFold(2));

        Assert.Equal(["accuracy", "log_loss"], comparisons.Select(c => c.Metric));
        Assert.Equal(comparisons[0].PValue, comparisons[0].PValueHolm);
    }

    [Fact]
    public void ModelComparer_AgainstBaseline_RejectsUnknownBaseline()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelComparer.AgainstBaseline(Models, "xgboost", Design));

        Assert.Contains("'xgboost'", error.Message);
        Assert.Contains("lightgbm", error.Message);
    }

    [Fact]
    public void ModelComparer_AgainstBaseline_RejectsMetricMissingFromAModel()
    {
        var options = new ComparisonOptions { Metrics = ["accuracy", "auc"] };

        var error = Assert.Throws<ArgumentException>(() => ModelComparer.AgainstBaseline(Models, "lightgbm", Design, options));

        Assert.Contains("'auc'", error.Message);
    }

    [Fact]
    public void ModelComparer_AgainstBaseline_UsesDirectionOverridesForCustomMetrics()
    {
        ModelScores[] models =
        [
            new("a", new Dictionary<string, IReadOnlyList<double>> { ["latency_ms"] = [10, 11, 10, 12] }),
            new("b", new Dictionary<string, IReadOnlyList<double>> { ["latency_ms"] = [20, 22, 21, 23] }),
        ];
        var options = new ComparisonOptions { Directions = new Dictionary<string, MetricDirection> { ["latency_ms"] = MetricDirection.LowerIsBetter } };

        var comparison = ModelComparer.AgainstBaseline(models, "b", ResamplingDesign.KFold(4), options).Single();

        Assert.Equal("a", comparison.Better);
        Assert.Equal(4, comparison.FoldWins);
        Assert.Throws<ArgumentException>(() => ModelComparer.AgainstBaseline(models, "b", ResamplingDesign.KFold(4)));
    }

    [Fact]
    public void ModelComparer_Comparison_SerializesToTheResultsJsonContract()
    {
        var comparison = ModelComparer.AgainstBaseline(Models, "lightgbm", Design)[0];

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(comparison));
        var root = json.RootElement;

        Assert.Equal("fasttree", root.GetProperty("a").GetString());
        Assert.Equal("lightgbm", root.GetProperty("b").GetString());
        Assert.Equal("accuracy", root.GetProperty("metric").GetString());
        Assert.Equal(comparison.MeanDiff, root.GetProperty("mean_diff").GetDouble());
        Assert.Equal(comparison.T!.Value, root.GetProperty("t").GetDouble());
        Assert.Equal(comparison.PValue!.Value, root.GetProperty("p_value").GetDouble());
        Assert.False(root.GetProperty("significant").GetBoolean());
        Assert.Equal(9, root.GetProperty("df").GetInt32());
        Assert.False(root.TryGetProperty("p_value_holm", out _));
    }

    private static ModelScores Model(string name, double[] accuracy) =>
        new(name, new Dictionary<string, IReadOnlyList<double>> { ["accuracy"] = accuracy });
}
