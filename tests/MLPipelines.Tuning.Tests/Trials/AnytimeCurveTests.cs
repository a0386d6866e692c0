using MLPipelines.Tuning.Trials;

namespace MLPipelines.Tuning.Tests.Trials;

public sealed class AnytimeCurveTests
{
    [Fact]
    public void AnytimeCurve_Of_CarriesTheRunningBestInFinishingOrder()
    {
        var trials = new[] { Record(0, 0.80, at: 5), Record(2, 0.85, at: 9), Record(1, 0.78, at: 7), Record(3, double.NaN, at: 12, failed: true), Record(4, 0.84, at: 15) };

        var curve = AnytimeCurve.Of(trials, higherIsBetter: true);

        Assert.Equal([5.0, 7, 9, 12, 15], curve.Select(p => p.Seconds));
        Assert.Equal([0.80, 0.80, 0.85, 0.85, 0.85], curve.Select(p => p.BestScore));
        Assert.Equal([1, 2, 3, 4, 5], curve.Select(p => p.Trials));
        Assert.Equal(2, curve[^1].BestTrial);
    }

    [Fact]
    public void AnytimeCurve_Best_LowerIsBetterAndTiesGoToTheLowerConfiguration()
    {
        var trials = new[] { Record(3, 0.2, at: 1), Record(0, 0.2, at: 4), Record(1, 0.3, at: 2) };

        Assert.Equal(0, AnytimeCurve.Best(trials, higherIsBetter: false)!.Config);
        Assert.Equal(1, AnytimeCurve.Best(trials, higherIsBetter: true)!.Config);
        Assert.Null(AnytimeCurve.Best([Record(0, double.NaN, 1, failed: true)], higherIsBetter: true));
    }

    private static TrialRecord Record(int config, double score, double at, bool failed = false) => new()
    {
        Trial = config,
        Config = config,
        Values = new Dictionary<string, string>(),
        InnerScore = score,
        Status = failed ? TrialStatus.Failed : TrialStatus.Finished,
        Seconds = 1,
        FinishedAt = at,
    };
}
