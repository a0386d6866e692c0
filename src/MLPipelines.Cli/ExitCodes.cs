namespace MLPipelines.Cli;

/// <summary>Process exit codes of <c>mlpipe</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A failure that is not the user's input (a bug, an I/O error).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: spec or data errors, bad command-line arguments. No stack trace is printed.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
