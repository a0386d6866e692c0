using MLPipelines.Reports.Curves;

namespace MLPipelines.Reports.Tests.Curves;

/// <summary>The curve computations against values worked out by hand.</summary>
public sealed class CurveTests
{
    // Scores 0.9 (+), 0.8 (−), 0.7 (+), 0.7 (−), 0.2 (−): 2 positives, 3 negatives.
    private static readonly bool[] Outcome = [true, false, true, false, false];
    private static readonly double[] Score = [0.9, 0.8, 0.7, 0.7, 0.2];

    [Fact]
    public void RocCurve_Compute_AreaIsTheMannWhitneyProbabilityWithTiesCountedHalf()
    {
        // Pairs (positive, negative): 0.9 beats all 3; 0.7 beats 0.2, ties 0.7, loses to 0.8 → (3 + 1 + 0.5) / 6.
        var roc = RocCurve.Compute(Outcome, Score)!;

        Assert.Equal(4.5 / 6, roc.Auc, 12);
        Assert.Equal([0, 0, 1.0 / 3, 2.0 / 3, 1], roc.FalsePositiveRate);
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.TruePositiveRate);
        Assert.Equal((2, 3), (roc.Positives, roc.Negatives));
    }

    [Fact]
    public void RocCurve_Compute_OneClassOnlyHasNoCurve()
    {
        Assert.Null(RocCurve.Compute([true, true], [0.2, 0.4]));
    }

    [Fact]
    public void PrecisionRecallCurve_Compute_AveragePrecisionIsTheStepArea()
    {
        // Thresholds: 0.9 → P 1, R 0.5; 0.8 → P 1/2, R 0.5; 0.7 → P 2/4, R 1; 0.2 → P 2/5, R 1.
        // AP = 0.5·1 + 0·(1/2) + 0.5·(1/2) + 0 = 0.75.
        var pr = PrecisionRecallCurve.Compute(Outcome, Score)!;

        Assert.Equal(0.75, pr.AveragePrecision, 12);
        Assert.Equal([0, 0.5, 0.5, 1, 1], pr.Recall);
        Assert.Equal([1, 1, 0.5, 0.5, 0.4], pr.Precision);
        Assert.Equal(0.4, pr.PositiveRate, 12);
    }

    [Fact]
    public void ReliabilityCurve_Compute_BinsEceAndBrierByHand()
    {
        // Bin [0.1, 0.2): 0.1 (no), 0.15 (yes) → predicted 0.125, observed 0.5.
        // Bin [0.9, 1.0]: 0.9 (yes), 1.0 (yes) → predicted 0.95, observed 1.
        double[] p = [0.1, 0.15, 0.9, 1.0];
        bool[] y = [false, true, true, true];

        var curve = ReliabilityCurve.Compute(p, y, 10)!;

        Assert.Equal(2, curve.Bins.Count);
        Assert.Equal((0.125, 0.5, 2), (curve.Bins[0].MeanPredicted, curve.Bins[0].ObservedRate, curve.Bins[0].Count));
        Assert.Equal(0.95, curve.Bins[1].MeanPredicted, 12);
        Assert.Equal((0.5 * 0.375) + (0.5 * 0.05), curve.ExpectedCalibrationError, 12);
        Assert.Equal(((0.1 * 0.1) + (0.85 * 0.85) + (0.1 * 0.1) + 0) / 4, curve.BrierScore, 12);
    }

    [Fact]
    public void ConfusionMatrix_Compute_CountsPairsAndSetsAsideUnknownLabels()
    {
        var matrix = ConfusionMatrix.Compute(["a", "a", "b", "c", "x"], ["a", "b", "b", "a", "a"], ["a", "b", "c"]);

        Assert.Equal(1, matrix.Counts[0, 0]);
        Assert.Equal(1, matrix.Counts[0, 1]);
        Assert.Equal(1, matrix.Counts[1, 1]);
        Assert.Equal(1, matrix.Counts[2, 0]);
        Assert.Equal(4, matrix.Total);
        Assert.Equal(1, matrix.Unmatched);
        Assert.Equal(0.5, matrix.Accuracy, 12);
        Assert.Equal(2, matrix.RowTotal(0));
    }

    [Fact]
    public void CurveThinner_Thin_KeepsEndsAndDropsPointsCloserThanTheStep()
    {
        var x = Enumerable.Range(0, 1001).Select(i => i / 1000.0).ToArray();

        var (tx, ty) = CurveThinner.Thin(x, x, 0.01);

        Assert.Equal(0, tx[0]);
        Assert.Equal(1, tx[^1]);
        Assert.InRange(tx.Length, 100, 102);
        Assert.Equal(tx, ty);
    }

    [Fact]
    public void Sampling_Indices_IsDeterministicSortedAndComplete()
    {
        var a = Sampling.Indices(10_000, 500);
        var b = Sampling.Indices(10_000, 500);

        Assert.Equal(a, b);
        Assert.Equal(500, a.Distinct().Count());
        Assert.Equal(a.Order(), a);
        Assert.Equal(Enumerable.Range(0, 7), Sampling.Indices(7, 500));
    }
}
