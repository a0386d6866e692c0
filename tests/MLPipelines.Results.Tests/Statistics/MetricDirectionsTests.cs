using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class MetricDirectionsTests
{
    [Theory]
    [InlineData("accuracy", MetricDirection.HigherIsBetter)]
    [InlineData("auc", MetricDirection.HigherIsBetter)]
    [InlineData("r2", MetricDirection.HigherIsBetter)]
    [InlineData("log_loss", MetricDirection.LowerIsBetter)]
    [InlineData("rmse", MetricDirection.LowerIsBetter)]
    [InlineData("mae", MetricDirection.LowerIsBetter)]
    public void MetricDirections_For_KnowsEveryRunnerMetric(string metric, MetricDirection expected)
    {
        Assert.Equal(expected, MetricDirections.For(metric));
    }

    [Fact]
    public void MetricDirections_For_RejectsUnknownMetricWithTheKnownList()
    {
        var error = Assert.Throws<ArgumentException>(() => MetricDirections.For("acuracy"));

        Assert.Contains("'acuracy'", error.Message);
        Assert.Contains("accuracy", error.Message.Replace("'acuracy'", string.Empty));
    }

    [Fact]
    public void MetricDirections_Compare_FlipsForLowerIsBetter()
    {
        Assert.True(MetricDirections.Compare(0.9, 0.8, MetricDirection.HigherIsBetter) > 0);
        Assert.True(MetricDirections.Compare(0.9, 0.8, MetricDirection.LowerIsBetter) < 0);
        Assert.Equal(0, MetricDirections.Compare(0.5, 0.5, MetricDirection.LowerIsBetter));
    }
}
