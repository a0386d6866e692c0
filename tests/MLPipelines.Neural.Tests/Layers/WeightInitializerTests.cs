using MLPipelines.Neural.Initializers;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class WeightInitializerTests
{
    [Theory]
    [InlineData(Initializer.HeNormal, 2.0 / 100)]
    [InlineData(Initializer.HeUniform, 2.0 / 100)]
    [InlineData(Initializer.GlorotNormal, 2.0 / 300)]
    [InlineData(Initializer.GlorotUniform, 2.0 / 300)]
    [InlineData(Initializer.LeCunNormal, 1.0 / 100)]
    [InlineData(Initializer.LeCunUniform, 1.0 / 100)]
    public void WeightInitializer_Fill_HasTheSchemesVarianceAndZeroMean(Initializer scheme, double variance)
    {
        var w = new float[100 * 200];
        WeightInitializer.Fill(scheme, w, fanIn: 100, fanOut: 200, new Random(1));

        var mean = w.Average(v => (double)v);
        var var = w.Average(v => ((double)v - mean) * ((double)v - mean));
        Assert.InRange(mean, -0.01 * Math.Sqrt(variance) * 10, 0.01 * Math.Sqrt(variance) * 10);
        Assert.InRange(var / variance, 0.95, 1.05);
    }
}
