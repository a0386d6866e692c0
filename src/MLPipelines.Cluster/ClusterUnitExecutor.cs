using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MLPipelines.Core.Runs;
using Orleans.Configuration;
using StackExchange.Redis;

namespace MLPipelines.Cluster;

/// <summary>
/// The client side of <c>--cluster</c>: submits a run's units to the cluster's workers as unit grains, all at once,
/// and collects their stored JSON. A unit already finished in Redis (an earlier submission of the same run key) is
/// taken from there. A unit whose worker stops renewing its heartbeat is submitted again under a new grain key, so it
/// lands on a live worker; a unit that fails three times fails the run with the last worker's message.
/// </summary>
public sealed class ClusterUnitExecutor : IUnitExecutor, IDisposable
{
    /// <summary>Attempts at a unit that fails (an exception on the worker) before the run fails.</summary>
    public const int FailedAttempts = 3;

    /// <summary>How long an attempt may go without a worker taking it before it is submitted again.</summary>
    private static readonly TimeSpan Untaken = TimeSpan.FromSeconds(20);

    private readonly IConnectionMultiplexer _redis;
    private readonly IHost _host;
    private readonly IClusterClient _client;
    private readonly ClusterKeys _keys;
    private int _resubmitted;

    private ClusterUnitExecutor(IConnectionMultiplexer redis, IHost host, ClusterKeys keys)
    {
        _redis = redis;
        _host = host;
        _client = host.Services.GetRequiredService<IClusterClient>();
        _keys = keys;
    }

    /// <summary>Units submitted again because their worker died or never took them.</summary>
    public int Resubmitted => _resubmitted;

    /// <summary>Connects to the cluster at <paramref name="address"/>.</summary>
    /// <exception cref="ClusterException">Redis does not answer, or no worker of the cluster is alive.</exception>
    public static ClusterUnitExecutor Connect(ClusterAddress address) => ConnectAsync(address).GetAwaiter().GetResult();

    private static async Task<ClusterUnitExecutor> ConnectAsync(ClusterAddress address)
    {
        var redis = await RedisConnection.ConnectAsync(address).ConfigureAwait(false);
        try
        {
            var keys = new ClusterKeys(address);
            if (await LiveWorkers(redis, keys).ConfigureAwait(false) == 0)
            {
                throw new ClusterException(
                    $"--cluster {address}: no worker of cluster {address.ClusterId}/{address.ServiceId} is running; start one with `mlpipe worker --cluster {address}`");
            }

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.UseOrleansClient(client =>
            {
                client.UseRedisClustering(o => o.ConfigurationOptions = RedisConnection.Options(address));
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (address.ClusterId, address.ServiceId));
                // A unit may train for hours; a dead worker is noticed by its heartbeat, not by a response timeout.
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(1));
            });
            var host = builder.Build();
            using var connecting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await host.StartAsync(connecting.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not ClusterException)
            {
                host.Dispose();
                throw new ClusterException($"--cluster {address}: cannot reach a worker of cluster {address.ClusterId}/{address.ServiceId} ({e.Message})", e);
            }

            return new ClusterUnitExecutor(redis, host, keys);
        }
        catch
        {
            redis.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Execute(
        SpecSource source, string runKey, IReadOnlyList<UnitRequest> units, IProgress<RunEvent>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(units);
        var results = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var all = units.Select(async unit => results[unit.Name] = await RunUnit(UnitCall.Of(source, runKey, unit), progress, cancellation).ConfigureAwait(false));
        Task.WhenAll(all).GetAwaiter().GetResult();
        return results;
    }

    private async Task<string> RunUnit(UnitCall call, IProgress<RunEvent>? progress, CancellationToken cancellation)
    {
        var db = _redis.GetDatabase();
        var stored = await db.StringGetAsync(_keys.Unit(call.RunKey, call.Name)).ConfigureAwait(false);
        if (stored.HasValue)
        {
            return stored.ToString();
        }

        var failures = 0;
        for (var attempt = 0; ; attempt++)
        {
            var grainKey = UnitGrain.Key(call.RunKey, call.Name, attempt);
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var watch = Watch(grainKey, lost);
            try
            {
                return await _client.GetGrain<IUnitGrain>(grainKey).Execute(call).WaitAsync(lost.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                Interlocked.Increment(ref _resubmitted);
                progress?.Report(new RunEvent(RunEventKind.Warning, $"unit {call.Name}: {await watch.ConfigureAwait(false)}; submitted again"));
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested && e is not OperationCanceledException)
            {
                if (++failures >= FailedAttempts)
                {
                    throw new ClusterException($"unit {call.Name} failed on {failures} attempts; last: {e.Message}", e);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation).ConfigureAwait(false);
            }
            finally
            {
                await lost.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Cancels <paramref name="lost"/> when the attempt's worker stops renewing its heartbeat, or no worker takes it; returns why.</summary>
    private async Task<string> Watch(string grainKey, CancellationTokenSource lost)
    {
        var db = _redis.GetDatabase();
        var started = DateTime.UtcNow;
        try
        {
            while (true)
            {
                await Task.Delay(ClusterKeys.HeartbeatPeriod, lost.Token).ConfigureAwait(false);
                var worker = await db.StringGetAsync(_keys.Running(grainKey)).ConfigureAwait(false);
                if (worker.HasValue && !await db.KeyExistsAsync(_keys.Worker(worker.ToString())).ConfigureAwait(false))
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    return $"worker {worker} stopped";
                }

                if (!worker.HasValue && DateTime.UtcNow - started > Untaken)
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                    return $"no worker took it in {Untaken.TotalSeconds:F0} s";
                }
            }
        }
        catch (OperationCanceledException)
        {
            return "cancelled";
        }
        catch (RedisException e)
        {
            return $"redis: {e.Message}";
        }
    }

    private static async Task<int> LiveWorkers(IConnectionMultiplexer redis, ClusterKeys keys)
    {
        var count = 0;
        foreach (var endpoint in redis.GetEndPoints())
        {
            await foreach (var _ in redis.GetServer(endpoint).KeysAsync(pattern: keys.Worker("*")).ConfigureAwait(false))
            {
                count++;
            }
        }

        return count;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                _host.StopAsync(grace.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // closing: nothing left to wait for
            }
        }

        _host.Dispose();
        _redis.Dispose();
    }
}
