using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class ExperimentAnalysisTests
{
    private static readonly ResamplingDesign FiveFold = ResamplingDesign.KFold(5);

    [Fact]
    public void ExperimentAnalysis_Run_MarksCellsCountsWinsAndRanks()
    {
        // Given "good" clearly above the baseline on d1 and d2 and clearly below on d3, and "same" within noise.
        DatasetScores[] datasets =
        [
            Dataset("d1", [0.80, 0.82, 0.79, 0.85, 0.81], good: [0.05, 0.06, 0.04, 0.07, 0.05], same: [0.01, -0.01, 0, 0.01, -0.005]),
            Dataset("d2", [0.70, 0.72, 0.69, 0.75, 0.71], good: [0.05, 0.03, 0.06, 0.04, 0.05], same: [-0.01, 0.01, 0, -0.01, 0.005]),
            Dataset("d3", [0.60, 0.62, 0.59, 0.65, 0.61], good: [-0.05, -0.06, -0.04, -0.07, -0.05], same: [0.01, -0.01, 0, 0.01, -0.005]),
        ];

        var result = ExperimentAnalysis.Run(datasets, "accuracy", "base");

        Assert.Equal(["base", "good", "same"], result.Models);
        Assert.Equal(["", "v", ""], result.Marks[0]);
        Assert.Equal(["", "v", ""], result.Marks[1]);
        Assert.Equal(["", "*", ""], result.Marks[2]);
        Assert.Equal(new WinTieLoss(2, 0, 1), result.WinTieLoss["good"]);
        Assert.Equal(new WinTieLoss(0, 3, 0), result.WinTieLoss["same"]);
        Assert.Equal(0.814, result.Means[0][0], 12);

        // Ranks per dataset: d1 good, same, base; d2 good, base, same; d3 same, base, good.
        Assert.Equal([2.333333333333, 1.666666666667, 2], result.Friedman.AverageRanks.Select(r => Math.Round(r, 12)));
        Assert.Equal(3, result.Nemenyi.DatasetCount);
        Assert.Equal(2, result.Comparisons["d1"].Count);
    }

    [Fact]
    public void ExperimentAnalysis_Run_RejectsDatasetsWithDifferentModels()
    {
        DatasetScores[] datasets =
        [
            Dataset("d1", [0.80, 0.82, 0.79, 0.85, 0.81], good: [0, 0, 0, 0, 0], same: [0, 0, 0, 0, 0]),
            new("d2", FiveFold, [Model("base", [0.1, 0.2, 0.3, 0.4, 0.5]), Model("other", [0.1, 0.2, 0.3, 0.4, 0.5])]),
        ];

        var error = Assert.Throws<ArgumentException>(() => ExperimentAnalysis.Run(datasets, "accuracy", "base"));

        Assert.Contains("'d2'", error.Message);
    }

    [Fact]
    public void ExperimentAnalysis_Run_NeedsTwoDatasets()
    {
        DatasetScores[] one = [Dataset("d1", [0.80, 0.82, 0.79, 0.85, 0.81], good: [0, 0, 0, 0, 0], same: [0, 0, 0, 0, 0])];

        Assert.Throws<ArgumentException>(() => ExperimentAnalysis.Run(one, "accuracy", "base"));
    }

    private static DatasetScores Dataset(string name, double[] baseline, double[] good, double[] same) => new(
        name,
        FiveFold,
        [
            Model("base", baseline),
            Model("good", [.. baseline.Select((x, i) => x + good[i])]),
            Model("same", [.. baseline.Select((x, i) => x + same[i])]),
        ]);

    private static ModelScores Model(string name, double[] accuracy) =>
        new(name, new Dictionary<string, IReadOnlyList<double>> { ["accuracy"] = accuracy });
}
