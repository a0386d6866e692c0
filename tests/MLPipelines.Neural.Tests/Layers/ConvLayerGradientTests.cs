using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class ConvLayerGradientTests
{
    /// <summary>Inputs that are distinct and at least 0.05 apart, so no max-pool window is probed across a tie.</summary>
    private static Func<Random, float> DistinctValues(int count, int seed)
    {
        var values = Enumerable.Range(0, count).Select(i => (i * 0.05f) - (count * 0.025f)).ToArray();
        new Random(seed).Shuffle(values);
        var next = 0;
        return _ => values[next++];
    }

    [Fact]
    public void Conv2D_BackwardPadded_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Conv2D(3, kernelSize: 3, padding: 1, initializer: Initializer.GlorotUniform), new TensorShape(2, 5, 6), batch: 3);

    [Fact]
    public void Conv2D_BackwardStridedWithoutBias_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Conv2D(4, kernelSize: 3, stride: 2, padding: 1, useBias: false), new TensorShape(3, 7, 6), batch: 2);

    [Fact]
    public void Conv2D_BackwardOneByOne_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Conv2D(3, kernelSize: 1), new TensorShape(4, 3, 3), batch: 2);

    [Fact]
    public void Conv2D_BackwardMoreImagesThanAGroup_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Conv2D(2, kernelSize: 2), new TensorShape(1, 4, 4), batch: Conv2D.GroupSize + 3);

    [Fact]
    public void Conv2D_BackwardThirtyTwoFilters_MatchesFiniteDifferences() =>
        // 32 filters of 2 x 3 x 3 weights: the weight gradient is computed transposed (dW^T = cols dY^T).
        GradientChecker.Check(new Conv2D(32, kernelSize: 3, padding: 1), new TensorShape(2, 4, 4), batch: 3);

    [Fact]
    public void Conv2D_BackwardThirtyTwoFiltersOneByOne_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Conv2D(32, kernelSize: 1, useBias: false), new TensorShape(20, 2, 3), batch: 2);

    [Fact]
    public void BatchNorm2D_BackwardInTraining_MatchesFiniteDifferences() =>
        GradientChecker.Check(new BatchNorm2D(), new TensorShape(3, 2, 3), batch: 4);

    [Fact]
    public void MaxPool2D_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new MaxPool2D(2), new TensorShape(2, 5, 4), batch: 2, input: DistinctValues(2 * 2 * 5 * 4, 1));

    [Fact]
    public void MaxPool2D_BackwardOverlappingPadded_MatchesFiniteDifferences() =>
        GradientChecker.Check(new MaxPool2D(3, stride: 2, padding: 1), new TensorShape(2, 5, 6), batch: 2, input: DistinctValues(2 * 2 * 5 * 6, 2));

    [Fact]
    public void AvgPool2D_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new AvgPool2D(2), new TensorShape(2, 4, 5), batch: 2);

    [Fact]
    public void AvgPool2D_BackwardOverlappingPadded_MatchesFiniteDifferences() =>
        GradientChecker.Check(new AvgPool2D(3, stride: 2, padding: 1), new TensorShape(2, 5, 6), batch: 2);

    [Fact]
    public void GlobalAvgPool_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new GlobalAvgPool(), new TensorShape(3, 3, 4), batch: 2);

    [Fact]
    public void Flatten_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new Flatten(), new TensorShape(2, 3, 2), batch: 3);
}
