using System.Globalization;
using MLPipelines.Neural.Training;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Trainers.Training;

/// <summary>Training of the MLP or the CNN could not produce a usable network (e.g. the loss diverged); the message says what to change.</summary>
public sealed class NetworkTrainingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NetworkTrainingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NetworkTrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NetworkTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// "MLP training diverged: the loss became NaN at epoch 1 with learning_rate 1000000 (optimizer adamw); try a
    /// lower learning_rate, e.g. 100000, or gradient_clip: 1". <paramref name="trainer"/> names the network (MLP, CNN).
    /// </summary>
    public static NetworkTrainingException Diverged(TrainingDivergedException cause, string trainer, INetworkTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(options);
        var what = cause.Message.Contains("NaN", StringComparison.Ordinal) ? "NaN" : "infinite";
        var epoch = cause.Epoch > 0 ? $" at epoch {cause.Epoch}" : "";
        var lr = options.LearningRate.ToString(CultureInfo.InvariantCulture);
        var lower = (options.LearningRate / 10).ToString("G6", CultureInfo.InvariantCulture);
        var clip = options.GradientClip > 0 ? "" : ", or gradient_clip: 1";
        return new NetworkTrainingException(
            $"{trainer} training diverged: the loss became {what}{epoch} with learning_rate {lr} " +
            $"(optimizer {EnumNames.Of(options.Optimizer)}); try a lower learning_rate, e.g. {lower}{clip}",
            cause);
    }
}
