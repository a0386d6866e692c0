namespace MLPipelines.Core.Runs;

/// <summary>A worker refuses a unit: for the same spec it computes another run key (other data, spec or build).</summary>
public sealed class UnitMismatchException : Exception
{
    public UnitMismatchException()
    {
    }

    public UnitMismatchException(string message)
        : base(message)
    {
    }

    public UnitMismatchException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
