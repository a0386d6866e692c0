using Orleans.Configuration;

namespace MLPipelines.Cluster;

/// <summary>
/// Membership timing of the silos: a dead worker is declared dead within a few seconds (probes every second, two
/// missed), so the units re-run after its death are placed on live workers only. Workers share a machine or a LAN.
/// </summary>
internal static class ClusterTiming
{
    public static void Membership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
    }
}
