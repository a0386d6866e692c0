using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using Orleans.Configuration;

namespace MLPipelines.Cluster;

/// <summary>
/// <c>mlpipe worker</c>: an Orleans silo that joins the cluster through Redis (Orleans' Redis membership, under the
/// cluster id and service id), executes the unit grains placed on it, and renews a heartbeat in Redis every second so
/// clients see at once when it dies and re-run its units elsewhere. Runs until it is stopped.
/// </summary>
public static class ClusterWorker
{
    /// <summary>Runs a worker of the cluster at <paramref name="address"/> until <paramref name="stopping"/>.</summary>
    /// <param name="ready">Told the worker's line once it has joined (address, ports, cores).</param>
    /// <exception cref="ClusterException">Redis does not answer, or the options are invalid.</exception>
    public static async Task RunAsync(ClusterAddress address, WorkerOptions options, TrainerRegistry registry, Action<string> ready, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ready);
        if (!IPAddress.TryParse(options.Host, out var ip))
        {
            throw new ClusterException($"--host '{options.Host}': expected an IP address of this machine (e.g. 127.0.0.1, or a private interface's address)");
        }

        if (options.Cores < 1)
        {
            throw new ClusterException($"--cores {options.Cores}: must be >= 1");
        }

        using var redis = await RedisConnection.ConnectAsync(address).ConfigureAwait(false);
        var id = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid():N}")[..24];
        var keys = new ClusterKeys(address);
        var siloPort = options.SiloPort == 0 ? FreePort(ip) : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreePort(ip) : options.GatewayPort;
        using var slots = new WorkerSlots(options.Cores);
        var context = new WorkerContext(id, redis, keys, slots, new SpecSourceLoader(registry), new UnitWorker(registry), stopping);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(context);
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Options(address));
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (address.ClusterId, address.ServiceId));
            // Listen on the announced address only: loopback by default, a private interface when given.
            silo.ConfigureEndpoints(ip, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(ClusterTiming.Membership);
        });
        using var host = builder.Build();
        await host.StartAsync(stopping).ConfigureAwait(false);
        try
        {
            var db = redis.GetDatabase();
            ready(string.Create(CultureInfo.InvariantCulture,
                $"worker {id} ready: cluster {address.ClusterId}/{address.ServiceId} at {address}, silo {ip}:{siloPort}, gateway {ip}:{gatewayPort}, {options.Cores} core(s)"));
            while (!stopping.IsCancellationRequested)
            {
                await db.StringSetAsync(keys.Worker(id), options.Cores.ToString(CultureInfo.InvariantCulture), ClusterKeys.HeartbeatLifetime).ConfigureAwait(false);
                try
                {
                    await Task.Delay(ClusterKeys.HeartbeatPeriod, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            await db.KeyDeleteAsync(keys.Worker(id)).ConfigureAwait(false);
        }
        finally
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(grace.Token).ConfigureAwait(false);
        }
    }

    private static int FreePort(IPAddress ip)
    {
        using var listener = new TcpListener(ip, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
