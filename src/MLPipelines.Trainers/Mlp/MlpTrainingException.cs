using System.Globalization;
using MLPipelines.Neural.Training;

namespace MLPipelines.Trainers.Mlp;

/// <summary>MLP training could not produce a usable network (e.g. the loss diverged); the message says what to change.</summary>
public sealed class MlpTrainingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MlpTrainingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MlpTrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MlpTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// "MLP training diverged: the loss became NaN at epoch 1 with learning_rate 1000000 (optimizer adamw); try a
    /// lower learning_rate, e.g. 100000, or gradient_clip: 1".
    /// </summary>
    public static MlpTrainingException Diverged(TrainingDivergedException cause, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(options);
        var what = cause.Message.Contains("NaN", StringComparison.Ordinal) ? "NaN" : "infinite";
        var epoch = cause.Epoch > 0 ? $" at epoch {cause.Epoch}" : "";
        var lr = options.LearningRate.ToString(CultureInfo.InvariantCulture);
        var lower = (options.LearningRate / 10).ToString(CultureInfo.InvariantCulture);
        var clip = options.GradientClip > 0 ? "" : ", or gradient_clip: 1";
        return new MlpTrainingException(
            $"MLP training diverged: the loss became {what}{epoch} with learning_rate {lr} " +
            $"(optimizer {options.Optimizer.ToString().ToLowerInvariant()}); try a lower learning_rate, e.g. {lower}{clip}",
            cause);
    }
}
