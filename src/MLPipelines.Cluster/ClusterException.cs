namespace MLPipelines.Cluster;

/// <summary>
/// The cluster cannot be used as asked: a malformed <c>--cluster</c> address, a Redis server that does not answer,
/// no worker in the cluster, or a unit that fails on every worker. The CLI prints the message and exits 2.
/// </summary>
public sealed class ClusterException : Exception
{
    public ClusterException()
    {
    }

    public ClusterException(string message)
        : base(message)
    {
    }

    public ClusterException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The Redis server at <paramref name="address"/> did not answer.</summary>
    public static ClusterException Unreachable(ClusterAddress address, Exception inner) =>
        new($"--cluster {address}: no Redis server answers at {address.Host}:{address.Port} within 3 s; start redis-server there or fix the address", inner);
}
