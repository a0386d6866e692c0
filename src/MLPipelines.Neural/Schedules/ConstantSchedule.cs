namespace MLPipelines.Neural.Schedules;

/// <summary>A fixed learning rate.</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    public ConstantSchedule(float learningRate)
    {
        ScheduleChecks.Positive(learningRate, nameof(learningRate));
        LearningRate = learningRate;
    }

    /// <summary>The rate.</summary>
    public float LearningRate { get; }

    /// <inheritdoc />
    public override float Rate(long step, long totalSteps) => LearningRate;
}
