namespace MLPipelines.Neural.Schedules;

/// <summary>
/// Linear warm-up then cosine decay. With W = round(warmupFraction * total):
/// <c>lr = peak (step + 1) / W</c> for step &lt; W, then
/// <c>lr = min + (peak - min) (1 + cos(pi (step - W) / (total - W))) / 2</c>.
/// </summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    public CosineSchedule(float peak, double warmupFraction = 0.0, float minimum = 0f)
    {
        ScheduleChecks.Positive(peak, nameof(peak));
        ScheduleChecks.Fraction(warmupFraction, nameof(warmupFraction));
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, peak);
        Peak = peak;
        WarmupFraction = warmupFraction;
        Minimum = minimum;
    }

    /// <summary>Rate at the end of warm-up.</summary>
    public float Peak { get; }

    /// <summary>Share of all steps spent warming up.</summary>
    public double WarmupFraction { get; }

    /// <summary>Rate at the last step.</summary>
    public float Minimum { get; }

    /// <inheritdoc />
    public override float Rate(long step, long totalSteps)
    {
        var total = Math.Max(totalSteps, 1);
        var warmup = (long)Math.Round(WarmupFraction * total);
        if (step < warmup)
        {
            return (float)((double)Peak * (step + 1) / warmup);
        }

        var span = Math.Max(total - warmup, 1);
        var t = Math.Clamp((double)(step - warmup) / span, 0, 1);
        return (float)(Minimum + ((Peak - Minimum) * 0.5 * (1 + Math.Cos(Math.PI * t))));
    }
}
