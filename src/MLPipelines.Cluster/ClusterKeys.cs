namespace MLPipelines.Cluster;

/// <summary>
/// The Redis keys of a cluster besides Orleans' membership table: finished units (by run key and unit name, so a
/// resubmitted run finds them), which worker runs a unit now, and each live worker's heartbeat.
/// </summary>
internal sealed class ClusterKeys(ClusterAddress address)
{
    /// <summary>How long a finished unit is kept: long enough for a client that died to resubmit.</summary>
    public static readonly TimeSpan UnitLifetime = TimeSpan.FromDays(7);

    /// <summary>How often a worker renews its heartbeat, and how long one lasts without renewal.</summary>
    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan HeartbeatLifetime = TimeSpan.FromSeconds(4);

    public string Unit(string runKey, string name) => $"{address.KeyPrefix}unit:{runKey}:{name}";

    /// <summary>The worker running the attempt of grain key <paramref name="grainKey"/>.</summary>
    public string Running(string grainKey) => $"{address.KeyPrefix}running:{grainKey}";

    public string Worker(string workerId) => $"{address.KeyPrefix}worker:{workerId}";
}
