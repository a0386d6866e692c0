namespace MLPipelines.Neural.Schedules;

/// <summary>
/// One-cycle policy (Smith 2018; PyTorch OneCycleLR, cosine annealing, learning rate only): from
/// <c>max / divFactor</c> up to <c>max</c> over the first <c>pctStart</c> of the steps, then down to
/// <c>max / (divFactor finalDivFactor)</c>, each phase following <c>end + (start - end) (1 + cos(pi x)) / 2</c>.
/// </summary>
public sealed class OneCycleSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule (PyTorch defaults).</summary>
    public OneCycleSchedule(float maxRate, double pctStart = 0.3, float divFactor = 25f, float finalDivFactor = 1e4f)
    {
        ScheduleChecks.Positive(maxRate, nameof(maxRate));
        if (!(pctStart > 0 && pctStart < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "Must be in (0, 1).");
        }

        ScheduleChecks.Positive(divFactor, nameof(divFactor));
        ScheduleChecks.Positive(finalDivFactor, nameof(finalDivFactor));
        MaxRate = maxRate;
        PctStart = pctStart;
        DivFactor = divFactor;
        FinalDivFactor = finalDivFactor;
    }

    /// <summary>Peak rate.</summary>
    public float MaxRate { get; }

    /// <summary>Share of steps spent increasing.</summary>
    public double PctStart { get; }

    /// <summary>initial = max / divFactor.</summary>
    public float DivFactor { get; }

    /// <summary>final = initial / finalDivFactor.</summary>
    public float FinalDivFactor { get; }

    /// <inheritdoc />
    public override float Rate(long step, long totalSteps)
    {
        double initial = MaxRate / DivFactor;
        var final = initial / FinalDivFactor;
        var upEnd = (PctStart * totalSteps) - 1;
        var downEnd = (double)totalSteps - 1;
        if (step <= upEnd)
        {
            return (float)Anneal(initial, MaxRate, upEnd <= 0 ? 1 : step / upEnd);
        }

        var x = downEnd - upEnd <= 0 ? 1 : (step - upEnd) / (downEnd - upEnd);
        return (float)Anneal(MaxRate, final, Math.Min(x, 1));
    }

    private static double Anneal(double start, double end, double pct) => end + ((start - end) / 2 * (Math.Cos(Math.PI * pct) + 1));
}
