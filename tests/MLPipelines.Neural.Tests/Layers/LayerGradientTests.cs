using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class LayerGradientTests
{
    // Inputs kept away from 0 so kinked activations are not probed across their kink.
    private static float AwayFromZero(Random r)
    {
        var v = (float)(0.1 + (r.NextDouble() * 1.9));
        return r.Next(2) == 0 ? v : -v;
    }

    [Fact]
    public void Dense_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Dense(4, Initializer.GlorotUniform), TensorShape.Vector(5), batch: 3);

    [Fact]
    public void Dense_BackwardWithoutBias_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Dense(3, useBias: false), TensorShape.Vector(4), batch: 2);

    [Fact]
    public void Relu_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Relu(), TensorShape.Vector(19), batch: 3, input: AwayFromZero);

    [Fact]
    public void LeakyRelu_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new LeakyRelu(0.1f), TensorShape.Vector(37), batch: 2, input: AwayFromZero);

    [Fact]
    public void Gelu_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Gelu(), TensorShape.Vector(19), batch: 3);

    [Fact]
    public void Silu_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Silu(), TensorShape.Vector(19), batch: 3);

    [Fact]
    public void Selu_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Selu(), TensorShape.Vector(19), batch: 3, input: AwayFromZero);

    [Fact]
    public void Mish_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Mish(), TensorShape.Vector(19), batch: 3);

    [Fact]
    public void Tanh_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Tanh(), TensorShape.Vector(19), batch: 3);

    [Fact]
    public void Sigmoid_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Sigmoid(), TensorShape.Vector(19), batch: 3);

    [Fact]
    public void BatchNorm_BackwardInTraining_MatchesFiniteDifferences() =>
        GradientChecker.Check(new BatchNorm(), TensorShape.Vector(4), batch: 5);

    [Fact]
    public void LayerNorm_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new LayerNorm(), TensorShape.Vector(6), batch: 3);

    [Fact]
    public void Embedding_Backward_MatchesFiniteDifferences()
    {
        // Columns 1 and 3 are categorical (codes x.5 so +-h never crosses a code boundary), 0, 2 and 4 numeric.
        var layer = new Embedding([new CategoricalColumn(1, 4, 3), new CategoricalColumn(3, 3, 2)]);
        var column = 0;
        GradientChecker.Check(layer, TensorShape.Vector(5), batch: 4, input: r =>
        {
            var c = column++ % 5;
            return c is 1 or 3 ? r.Next(3) + 0.5f : (float)(r.NextDouble() - 0.5);
        });
        Assert.Equal(TensorShape.Vector(3 + 3 + 2), layer.OutputShape);
    }

    [Fact]
    public void PeriodicEmbedding_BackwardWithLinear_MatchesFiniteDifferences() =>
        GradientChecker.Check(new PeriodicEmbedding(frequencies: 3, sigma: 0.3f, dimension: 4, columns: [0, 2]), TensorShape.Vector(4), batch: 3, h: 1e-3, tolerance: 5e-3);

    [Fact]
    public void PeriodicEmbedding_BackwardWithoutLinear_MatchesFiniteDifferences() =>
        GradientChecker.Check(new PeriodicEmbedding(frequencies: 2, sigma: 0.3f, dimension: 0), TensorShape.Vector(3), batch: 2, h: 1e-3, tolerance: 5e-3);

    [Fact]
    public void BatchNorm_BackwardWideFeatures_MatchesFiniteDifferences() =>
        GradientChecker.Check(new BatchNorm(), TensorShape.Vector(21), batch: 4);

    [Fact]
    public void LayerNorm_BackwardWideFeatures_MatchesFiniteDifferences() =>
        GradientChecker.Check(new LayerNorm(), TensorShape.Vector(21), batch: 2);
}
