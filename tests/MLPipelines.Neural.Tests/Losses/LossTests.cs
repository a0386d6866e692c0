using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Tests.Layers;

namespace MLPipelines.Neural.Tests.Losses;

public sealed class LossTests
{
    private const int Rows = 4;
    private const int Cols = 3;

    private static readonly float[] Outputs = [0.3f, -1.2f, 2.0f, 0.5f, 0.1f, -0.4f, -2.0f, 1.5f, 0.7f, 1.1f, 0.9f, -0.3f];

    public static TheoryData<string> Names => ["ce", "ce-smooth-weighted", "bce", "bce-posweight", "mse", "huber"];

    private static (Loss Loss, float[] Targets) Make(string name) => name switch
    {
        "ce" => (new SoftmaxCrossEntropy(), [2f, 0f, 1f, 1f]),
        "ce-smooth-weighted" => (new SoftmaxCrossEntropy(0.1f, [1f, 2f, 0.5f]), [2f, 0f, 1f, 1f]),
        "bce" => (new BinaryCrossEntropyWithLogits(), [1f, 0f, 1f, 0f, 0f, 1f, 1f, 1f, 0f, 0.3f, 0f, 1f]),
        "bce-posweight" => (new BinaryCrossEntropyWithLogits(3f), [1f, 0f, 1f, 0f, 0f, 1f, 1f, 1f, 0f, 0.3f, 0f, 1f]),
        "mse" => (new MeanSquaredError(), [0f, -1f, 1f, 1f, 0f, 0f, -1f, 1f, 2f, 1f, 0f, 0f]),
        "huber" => (new HuberLoss(0.5f), [0f, -1f, 1f, 1f, 0f, 0f, -1f, 1f, 2f, 1f, 0f, 0f]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Loss_Gradient_MatchesFiniteDifferences(string name)
    {
        var (loss, targets) = Make(name);
        var z = (float[])Outputs.Clone();
        var grad = new float[z.Length];
        loss.Evaluate(z, targets, Rows, Cols, grad);

        for (var i = 0; i < z.Length; i++)
        {
            var saved = z[i];
            z[i] = saved + 1e-2f;
            var plus = loss.Evaluate(z, targets, Rows, Cols, []);
            z[i] = saved - 1e-2f;
            var minus = loss.Evaluate(z, targets, Rows, Cols, []);
            z[i] = saved;
            GradientChecker.AssertClose(grad[i], (plus - minus) / 2e-2, 2e-3, $"{name} d/dz[{i}]");
        }
    }

    [Fact]
    public void SoftmaxCrossEntropy_Evaluate_MatchesHandComputedValue()
    {
        // logits [1, 2, 3], class 2: loss = log(e + e^2 + e^3) - 3 = 0.40760596.
        var loss = new SoftmaxCrossEntropy().Evaluate([1f, 2f, 3f], [2f], 1, 3, []);
        Assert.Equal(0.40760596, loss, 5);
    }

    [Fact]
    public void SoftmaxCrossEntropy_EvaluateWithSmoothing_MatchesHandComputedValue()
    {
        // q = [0.1/3, 0.1/3, 0.9 + 0.1/3]; loss = lse - sum q z = 3.40760596 - (0.1/3 * 3 + 0.93333 * 3) = 0.50760596.
        var loss = new SoftmaxCrossEntropy(0.1f).Evaluate([1f, 2f, 3f], [2f], 1, 3, []);
        Assert.Equal(0.50760596, loss, 5);
    }

    [Fact]
    public void SoftmaxCrossEntropy_EvaluateWithClassWeights_IsWeightedMean()
    {
        // Row losses l0 (class 0) and l1 (class 1) with weights 1 and 3: (l0 + 3 l1) / 4.
        var plain = new SoftmaxCrossEntropy();
        var l0 = plain.Evaluate([0f, 1f], [0f], 1, 2, []);
        var l1 = plain.Evaluate([2f, 0f], [1f], 1, 2, []);
        var weighted = new SoftmaxCrossEntropy(0f, [1f, 3f]).Evaluate([0f, 1f, 2f, 0f], [0f, 1f], 2, 2, []);
        Assert.Equal((l0 + (3 * l1)) / 4, weighted, 6);
    }

    [Fact]
    public void SoftmaxCrossEntropy_Evaluate_RejectsClassOutOfRangeNamingTheRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SoftmaxCrossEntropy().Evaluate([0f, 1f, 0f, 1f], [1f, 5f], 2, 2, []));
        Assert.Contains("row 1", ex.Message);
    }

    [Fact]
    public void BinaryCrossEntropyWithLogits_Evaluate_IsStableForLargeLogits()
    {
        var loss = new BinaryCrossEntropyWithLogits().Evaluate([100f, -100f], [0f, 1f], 2, 1, []);
        Assert.Equal(100, loss, 4);
    }

    [Fact]
    public void HuberLoss_Evaluate_IsQuadraticInsideAndLinearOutside()
    {
        var huber = new HuberLoss(1f);
        Assert.Equal(0.125, huber.Evaluate([0.5f], [0f], 1, 1, []), 6);
        Assert.Equal(2.5, huber.Evaluate([3f], [0f], 1, 1, []), 6);
    }

    [Fact]
    public void SoftmaxCrossEntropy_BalancedWeights_AreInverseFrequency()
    {
        // 6 rows: class 0 x4, class 1 x2, class 2 absent: w = 6 / (3 * count), absent -> 1.
        var w = SoftmaxCrossEntropy.BalancedWeights([0f, 0f, 1f, 0f, 1f, 0f], 3);
        Assert.Equal([0.5f, 1f, 1f], w);
    }
}
