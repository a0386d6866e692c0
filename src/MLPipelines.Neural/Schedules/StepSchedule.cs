namespace MLPipelines.Neural.Schedules;

/// <summary>Step decay: <c>lr = initial * gamma^floor(step / stepSize)</c> (step counted in optimizer steps).</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    public StepSchedule(float initial, long stepSize, float gamma = 0.1f)
    {
        ScheduleChecks.Positive(initial, nameof(initial));
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        ScheduleChecks.Positive(gamma, nameof(gamma));
        Initial = initial;
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Rate at step 0.</summary>
    public float Initial { get; }

    /// <summary>Steps between decays.</summary>
    public long StepSize { get; }

    /// <summary>Multiplier applied at each decay.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public override float Rate(long step, long totalSteps) => (float)(Initial * Math.Pow(Gamma, step / StepSize));
}
