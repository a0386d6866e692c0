using System.Diagnostics;

namespace MLPipelines.Tuning.Budgets;

/// <summary>
/// Spends a <see cref="TuningBudget"/>'s seconds: wall time since the search on one outer split started, plus the
/// time a previous, interrupted attempt already spent (so a resumed search does not get its budget twice). The
/// rule is "start no trial once the time is up": running trials finish, so a search ends within one trial of its
/// budget. Thread-safe.
/// </summary>
public sealed class BudgetClock
{
    private readonly Stopwatch _watch;
    private readonly Func<TimeSpan> _now;

    /// <summary>Starts the clock.</summary>
    /// <param name="budget">The budget to spend.</param>
    /// <param name="spentBefore">Seconds an earlier attempt spent (0 for a fresh search).</param>
    public BudgetClock(TuningBudget budget, double spentBefore = 0)
        : this(budget, spentBefore, null)
    {
    }

    /// <summary>Starts a clock that reads time from <paramref name="now"/> (tests drive it by hand).</summary>
    internal BudgetClock(TuningBudget budget, double spentBefore, Func<TimeSpan>? now)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegative(spentBefore);
        Budget = budget;
        SpentBefore = spentBefore;
        _watch = Stopwatch.StartNew();
        _now = now ?? (() => _watch.Elapsed);
    }

    /// <summary>The budget being spent.</summary>
    public TuningBudget Budget { get; }

    /// <summary>Seconds spent by an earlier attempt.</summary>
    public double SpentBefore { get; }

    /// <summary>Seconds spent so far, this attempt and earlier ones.</summary>
    public double Elapsed => SpentBefore + _now().TotalSeconds;

    /// <summary>Seconds left (negative once over); null without a time limit.</summary>
    public double? Remaining => Budget.Seconds is { } s ? s - Elapsed : null;

    /// <summary>True once the time limit is reached: start no further trial.</summary>
    public bool TimeIsUp => Budget.Seconds is { } s && Elapsed >= s;
}
