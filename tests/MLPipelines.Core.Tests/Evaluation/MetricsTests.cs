using MLPipelines.Core.Evaluation;

namespace MLPipelines.Core.Tests.Evaluation;

public sealed class MetricsTests
{
    // Four rows: scores 0.9 (pos), 0.8 (neg), 0.4 (pos), 0.2 (neg).
    private static readonly bool[] Actual = [true, false, true, false];
    private static readonly float[] Scores = [0.9f, 0.8f, 0.4f, 0.2f];

    [Fact]
    public void BinaryMetrics_Auc_CountsCorrectlyOrderedPairs()
    {
        // Pairs (pos, neg): (0.9,0.8) ok, (0.9,0.2) ok, (0.4,0.8) wrong, (0.4,0.2) ok -> 3/4.
        Assert.Equal(0.75, BinaryMetrics.Auc(Actual, Scores), 12);
    }

    [Fact]
    public void BinaryMetrics_Auc_TiesCountHalf()
    {
        Assert.Equal(0.5, BinaryMetrics.Auc([true, false], [0.3f, 0.3f]), 12);
    }

    [Fact]
    public void BinaryMetrics_AveragePrecision_MatchesHandComputedSteps()
    {
        // Thresholds: 0.9 -> P=1, R=.5; 0.8 -> P=.5; 0.4 -> P=2/3, R=1. AP = .5*1 + .5*(2/3).
        Assert.Equal(0.5 + 0.5 * 2 / 3.0, BinaryMetrics.AveragePrecision(Actual, Scores), 12);
    }

    [Fact]
    public void BinaryMetrics_LogLossAccuracyF1_MatchHandComputedValues()
    {
        bool[] predicted = [true, true, false, false];
        float[] probability = [0.9f, 0.8f, 0.4f, 0.2f];
        var expectedLogLoss = -(Math.Log(0.9f) + Math.Log(1 - 0.8f) + Math.Log(0.4f) + Math.Log(1 - 0.2f)) / 4;

        var metrics = BinaryMetrics.Compute(Actual, Scores, probability, predicted);

        Assert.Equal(0.5, metrics["accuracy"], 12);
        Assert.Equal(0.5, metrics["f1"], 12); // TP 1, FP 1, FN 1 -> 2/4
        Assert.Equal(expectedLogLoss, metrics["log_loss"], 6);
        Assert.Equal(0.75, metrics["auc"], 12);
    }

    [Fact]
    public void BinaryMetrics_LogLoss_ClipsCertainWrongAnswers()
    {
        Assert.Equal(-Math.Log(1e-15), BinaryMetrics.LogLoss([true], [0f]), 6);
    }

    [Fact]
    public void MulticlassMetrics_Compute_MatchesHandComputedValues()
    {
        int[] actual = [0, 0, 1, 2];
        int[] predicted = [0, 1, 1, 2];
        float[][] p = [[0.7f, 0.2f, 0.1f], [0.4f, 0.5f, 0.1f], [0.1f, 0.8f, 0.1f], [0.2f, 0.2f, 0.6f]];

        var metrics = MulticlassMetrics.Compute(actual, predicted, p);

        Assert.Equal(0.75, metrics["accuracy"], 12);
        Assert.Equal((0.5 + 1 + 1) / 3, metrics["macro_accuracy"], 12);
        Assert.Equal(-(Math.Log(0.7f) + Math.Log(0.4f) + Math.Log(0.8f) + Math.Log(0.6f)) / 4, metrics["log_loss"], 6);
    }

    [Fact]
    public void RegressionMetrics_Compute_MatchesHandComputedValues()
    {
        // Errors 1, -1, 2, 0; mean of actual 4.5, SST = 2.25+0.25+0.25+2.25 = 5.
        var metrics = RegressionMetrics.Compute([3, 4, 5, 6], [2, 5, 3, 6]);

        Assert.Equal(Math.Sqrt(6 / 4.0), metrics["rmse"], 12);
        Assert.Equal(1.0, metrics["mae"], 12);
        Assert.Equal(1 - 6 / 5.0, metrics["r2"], 12);
    }
}
