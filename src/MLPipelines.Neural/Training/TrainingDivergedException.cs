namespace MLPipelines.Neural.Training;

/// <summary>Training produced a non-finite loss; the message says when and what to try.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public TrainingDivergedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>1-based epoch in which the loss became non-finite.</summary>
    public int Epoch { get; private init; }

    /// <summary>"loss became NaN at epoch 3; try a lower learning_rate".</summary>
    public static TrainingDivergedException NonFiniteLoss(double loss, int epoch) =>
        new($"loss became {(double.IsNaN(loss) ? "NaN" : "infinite")} at epoch {epoch}; try a lower learning_rate " +
            "(or gradient clipping, or standardized inputs and targets)")
        { Epoch = epoch };
}
