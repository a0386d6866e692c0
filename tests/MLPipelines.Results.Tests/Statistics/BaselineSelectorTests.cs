using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class BaselineSelectorTests
{
    private static readonly BaselineCandidate[] Models =
    [
        new("mlp", false, 0.95),
        new("fasttree", true, 0.91),
        new("lightgbm", true, 0.93),
        new("linear", false, 0.85),
    ];

    [Fact]
    public void BaselineSelector_Choose_PrefersTheBestBoostedTreeOverABetterNeuralNet()
    {
        Assert.Equal("lightgbm", BaselineSelector.Choose(Models, MetricDirection.HigherIsBetter));
    }

    [Fact]
    public void BaselineSelector_Choose_RespectsLowerIsBetter()
    {
        Assert.Equal("fasttree", BaselineSelector.Choose(Models, MetricDirection.LowerIsBetter));
    }

    [Fact]
    public void BaselineSelector_Choose_FallsBackToTheBestModelWithoutBoostedTrees()
    {
        BaselineCandidate[] models = [new("linear", false, 0.85), new("mlp", false, 0.9)];

        Assert.Equal("mlp", BaselineSelector.Choose(models, MetricDirection.HigherIsBetter));
    }

    [Fact]
    public void BaselineSelector_Choose_HonoursTheRequestedBaselineAndRejectsUnknownOnes()
    {
        Assert.Equal("linear", BaselineSelector.Choose(Models, MetricDirection.HigherIsBetter, "linear"));

        var error = Assert.Throws<ArgumentException>(() => BaselineSelector.Choose(Models, MetricDirection.HigherIsBetter, "xgb"));
        Assert.Contains("'xgb'", error.Message);
    }
}
