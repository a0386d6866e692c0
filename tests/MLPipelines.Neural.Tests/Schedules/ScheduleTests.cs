using MLPipelines.Neural.Schedules;

namespace MLPipelines.Neural.Tests.Schedules;

public sealed class ScheduleTests
{
    [Fact]
    public void ConstantSchedule_Rate_IsConstant() =>
        Assert.Equal(0.3f, new ConstantSchedule(0.3f).Rate(999, 1000));

    [Fact]
    public void StepSchedule_Rate_DecaysEveryStepSize()
    {
        var s = new StepSchedule(1f, stepSize: 10, gamma: 0.5f);
        Assert.Equal(1f, s.Rate(9, 100));
        Assert.Equal(0.5f, s.Rate(10, 100));
        Assert.Equal(0.25f, s.Rate(25, 100));
    }

    [Fact]
    public void CosineSchedule_Rate_WarmsUpLinearlyThenFollowsCosine()
    {
        var s = new CosineSchedule(1f, warmupFraction: 0.1, minimum: 0f);
        Assert.Equal(0.1f, s.Rate(0, 100), 6);
        Assert.Equal(1f, s.Rate(9, 100), 6);
        Assert.Equal(1f, s.Rate(10, 100), 6);
        Assert.Equal(0.5f, s.Rate(55, 100), 6); // halfway through the 90 decay steps
        Assert.Equal((float)(0.5 * (1 + Math.Cos(Math.PI * 89 / 90))), s.Rate(99, 100), 6);
    }

    [Fact]
    public void OneCycleSchedule_Rate_MatchesPyTorchShape()
    {
        // total 100, pct 0.3: up-phase ends at step 29 (= max), starts at max/25, ends at max/25/1e4.
        var s = new OneCycleSchedule(1f, 0.3, 25f, 1e4f);
        Assert.Equal(0.04f, s.Rate(0, 100), 6);
        Assert.Equal(1f, s.Rate(29, 100), 6);
        Assert.Equal(0.04f / 1e4f, s.Rate(99, 100), 8);
        var mid = 29 + (70 / 2.0);
        Assert.Equal((1 + (0.04 / 1e4)) / 2, s.Rate((long)mid, 100), 5);
    }
}
