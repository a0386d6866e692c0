using System.Globalization;
using MLPipelines.Neural.Training;

namespace MLPipelines.Trainers.Cnn;

/// <summary>CNN training could not produce a usable network (e.g. the loss diverged); the message says what to change.</summary>
public sealed class CnnTrainingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CnnTrainingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CnnTrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public CnnTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// "CNN training diverged: the loss became NaN at epoch 1 with learning_rate 1000 (optimizer adamw); try a lower
    /// learning_rate, e.g. 100, or gradient_clip: 1".
    /// </summary>
    public static CnnTrainingException Diverged(TrainingDivergedException cause, CnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(options);
        var what = cause.Message.Contains("NaN", StringComparison.Ordinal) ? "NaN" : "infinite";
        var epoch = cause.Epoch > 0 ? $" at epoch {cause.Epoch}" : "";
        var lr = options.LearningRate.ToString(CultureInfo.InvariantCulture);
        var lower = (options.LearningRate / 10).ToString("G4", CultureInfo.InvariantCulture);
        var clip = options.GradientClip > 0 ? "" : ", or gradient_clip: 1";
        return new CnnTrainingException(
            $"CNN training diverged: the loss became {what}{epoch} with learning_rate {lr} " +
            $"(optimizer {options.Optimizer.ToString().ToLowerInvariant()}); try a lower learning_rate, e.g. {lower}{clip}",
            cause);
    }
}
