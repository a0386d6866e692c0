using StackExchange.Redis;

namespace MLPipelines.Cluster;

/// <summary>Connects to a cluster's Redis server, failing fast with a clear message when it does not answer.</summary>
internal static class RedisConnection
{
    /// <summary>Options of a long-lived connection (Orleans' membership): it reconnects by itself.</summary>
    public static ConfigurationOptions Options(ClusterAddress address) => ConfigurationOptions.Parse(address.RedisConfiguration);

    /// <exception cref="ClusterException">No Redis server answers at the address.</exception>
    public static async Task<IConnectionMultiplexer> ConnectAsync(ClusterAddress address)
    {
        var options = Options(address);
        options.AbortOnConnectFail = true; // the first connection must answer now, or the command fails with a clear message
        options.ConnectTimeout = 3000;
        options.ConnectRetry = 1;
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        }
        catch (RedisConnectionException e)
        {
            throw ClusterException.Unreachable(address, e);
        }
    }
}
