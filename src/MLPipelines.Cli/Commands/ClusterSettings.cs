using System.ComponentModel;
using MLPipelines.Cluster;
using Spectre.Console.Cli;

namespace MLPipelines.Cli.Commands;

/// <summary>The options naming a cluster, shared by <c>run</c>, <c>experiment</c> and <c>worker</c>.</summary>
public class ClusterSettings : CommandSettings
{
    [CommandOption("--cluster <URL>")]
    [Description("Run the units on the workers of the cluster whose Redis server is at redis://HOST:PORT (see `mlpipe worker`).")]
    public string? Cluster { get; init; }

    [CommandOption("--cluster-id <ID>")]
    [Description("Cluster id: workers and clients talk only within the same cluster id and service id. Default mlpipe.")]
    public string? ClusterId { get; init; }

    [CommandOption("--service-id <ID>")]
    [Description("Service id (see --cluster-id). Default mlpipe.")]
    public string? ServiceId { get; init; }

    /// <summary>The cluster named, or null when --cluster is not given.</summary>
    /// <exception cref="ClusterException">A malformed address or id.</exception>
    public ClusterAddress? Address() =>
        Cluster is null
            ? ClusterId is null && ServiceId is null ? null : throw new ClusterException("--cluster-id and --service-id need --cluster redis://HOST:PORT")
            : ClusterAddress.Parse(Cluster, ClusterId, ServiceId);
}
