namespace MLPipelines.Core.Runs;

/// <summary>The run folder cannot be used (bad input: the CLI exits with code 2).</summary>
public sealed class RunFolderException : Exception
{
    public RunFolderException()
    {
    }

    public RunFolderException(string message)
        : base(message)
    {
    }

    public RunFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
