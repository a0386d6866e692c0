namespace MLPipelines.Core.Experiments;

/// <summary>
/// An experiment cannot be run as written, for a reason found only once its datasets are read (e.g. datasets
/// whose tasks share no metric): bad input, so the CLI exits with code 2 and prints no stack trace.
/// </summary>
public sealed class ExperimentException : Exception
{
    /// <summary>Required by CA1032.</summary>
    public ExperimentException()
        : base("The experiment cannot be run.")
    {
    }

    public ExperimentException(string message)
        : base(message)
    {
    }

    /// <summary>Required by CA1032.</summary>
    public ExperimentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
