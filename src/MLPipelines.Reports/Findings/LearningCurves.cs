using MLPipelines.Results;

namespace MLPipelines.Reports.Findings;

/// <summary>What the reports say about a training log.</summary>
public static class LearningCurves
{
    /// <summary>The epoch the trainer reports as best (<c>best_epoch</c>), else the one with the lowest validation loss; null without either.</summary>
    public static EpochRecord? BestEpoch(TrainingLogResult log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Values.TryGetValue("best_epoch", out var reported) && log.Epochs.FirstOrDefault(e => e.Epoch == (int)reported) is { } record)
        {
            return record;
        }

        return log.Epochs.Where(e => e.ValidationLoss is { } v && double.IsFinite(v)).MinBy(e => e.ValidationLoss);
    }
}
