namespace MLPipelines.Serving;

/// <summary>The server cannot start as asked (a host that is not an address, a port in use); the CLI exits 2.</summary>
public sealed class ServeException : Exception
{
    public ServeException()
    {
    }

    public ServeException(string message)
        : base(message)
    {
    }

    public ServeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
