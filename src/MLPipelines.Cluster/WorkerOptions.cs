namespace MLPipelines.Cluster;

/// <summary>How a worker joins its cluster (<c>mlpipe worker</c> options).</summary>
public sealed record WorkerOptions
{
    /// <summary>
    /// The address the worker listens on and announces to the cluster. Default <c>127.0.0.1</c> (loopback: nothing
    /// outside this machine can reach it); on several machines, a private interface's address, never a public one.
    /// </summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port of worker-to-worker traffic; 0 = a free port.</summary>
    public int SiloPort { get; init; }

    /// <summary>Port clients submit units on; 0 = a free port.</summary>
    public int GatewayPort { get; init; }

    /// <summary>Cores the worker advertises and fills (threads x concurrent units); default all of this machine's.</summary>
    public int Cores { get; init; } = Environment.ProcessorCount;
}
