using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Tests.Statistics;

public sealed class ResamplingDesignTests
{
    [Fact]
    public void ResamplingDesign_KFold_HasKTimesRepeatsRunsAndRatioOneOverKMinusOne()
    {
        var design = ResamplingDesign.KFold(10, 3);

        Assert.Equal(30, design.Runs);
        Assert.Equal(1.0 / 9, design.TestTrainRatio, 15);
        Assert.Equal("10-fold x 3", design.Description);
    }

    [Fact]
    public void ResamplingDesign_Holdout_UsesTestFractionOverTrainFraction()
    {
        var design = ResamplingDesign.Holdout(0.2, 5);

        Assert.Equal(5, design.Runs);
        Assert.Equal(0.25, design.TestTrainRatio, 15);
    }

    [Fact]
    public void ResamplingDesign_FromSplitSizes_UsesTotalsLikeWeka()
    {
        var design = ResamplingDesign.FromSplitSizes([801, 799, 800], [199, 201, 200]);

        Assert.Equal(600.0 / 2400, design.TestTrainRatio, 15);
        Assert.Equal(3, design.Runs);
    }

    [Fact]
    public void ResamplingDesign_From_ReadsTheEvaluationBlock()
    {
        var kfold = ResamplingDesign.From(new EvaluationResult { Method = "kfold", Folds = 4, Repeats = 2, Seed = 1 });
        var holdout = ResamplingDesign.From(new EvaluationResult { Method = "holdout", Folds = 1, TestFraction = 0.3, Repeats = 6, Seed = 1 });

        Assert.Equal((8, 1.0 / 3), (kfold.Runs, kfold.TestTrainRatio));
        Assert.Equal(6, holdout.Runs);
        Assert.Equal(0.3 / 0.7, holdout.TestTrainRatio, 15);
    }

    [Fact]
    public void ResamplingDesign_Factories_RejectImpossibleDesigns()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResamplingDesign.KFold(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResamplingDesign.Holdout(1.0));
        Assert.Throws<ArgumentException>(() => ResamplingDesign.FromSplitSizes([10], []));
    }
}
