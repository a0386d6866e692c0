namespace MLPipelines.Cli.Tests.Cluster;

/// <summary>A test that needs the real <c>redis-server</c>; skipped, saying why, where it is not installed.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Executable is null)
        {
            Skip = "redis-server is not installed (apt-get install redis-server; .ci/run installs it): the cluster tests run the real server";
        }
    }
}
