namespace MLPipelines.Neural.Schedules;

/// <summary>The learning rate as a function of the optimizer step (0-based) and the total number of steps in training.</summary>
public abstract class LearningRateSchedule
{
    /// <summary>Learning rate for step <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public abstract float Rate(long step, long totalSteps);
}
