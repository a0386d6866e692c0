using MLPipelines.Tuning.Budgets;

namespace MLPipelines.Tuning.Tests.Budgets;

public sealed class BudgetClockTests
{
    [Fact]
    public void BudgetClock_TimeIsUp_OnceElapsedReachesTheBudget()
    {
        var now = TimeSpan.Zero;
        var clock = new BudgetClock(new TuningBudget(10, null), 0, () => now);

        Assert.False(clock.TimeIsUp);
        now = TimeSpan.FromSeconds(9.99);
        Assert.False(clock.TimeIsUp);
        Assert.Equal(0.01, clock.Remaining!.Value, 9);
        now = TimeSpan.FromSeconds(10);
        Assert.True(clock.TimeIsUp);
    }

    [Fact]
    public void BudgetClock_Elapsed_CountsTheTimeAnEarlierAttemptSpent()
    {
        var now = TimeSpan.FromSeconds(3);
        var clock = new BudgetClock(new TuningBudget(10, null), spentBefore: 8, () => now);

        Assert.Equal(11, clock.Elapsed, 12);
        Assert.True(clock.TimeIsUp);
    }

    [Fact]
    public void BudgetClock_TimeIsUp_NeverWithATrialBudgetOnly()
    {
        var clock = new BudgetClock(new TuningBudget(null, 5), 0, () => TimeSpan.FromDays(1));

        Assert.False(clock.TimeIsUp);
        Assert.Null(clock.Remaining);
    }

    [Fact]
    public void TuningBudget_Constructor_NeedsAPositiveLimit()
    {
        Assert.Throws<ArgumentException>(() => new TuningBudget(null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TuningBudget(0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TuningBudget(null, 0));
        Assert.Equal("120 s or 40 trials", new TuningBudget(120, 40).ToString());
    }
}
