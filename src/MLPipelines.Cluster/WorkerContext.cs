using MLPipelines.Core.Runs;
using StackExchange.Redis;

namespace MLPipelines.Cluster;

/// <summary>What the unit grains of one worker share: its id, Redis, its cores, its cache of prepared runs.</summary>
internal sealed class WorkerContext(string id, IConnectionMultiplexer redis, ClusterKeys keys, WorkerSlots slots, SpecSourceLoader specs, UnitWorker units, CancellationToken stopping)
{
    public string Id { get; } = id;

    public IConnectionMultiplexer Redis { get; } = redis;

    public ClusterKeys Keys { get; } = keys;

    public WorkerSlots Slots { get; } = slots;

    public SpecSourceLoader Specs { get; } = specs;

    public UnitWorker Units { get; } = units;

    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Units this worker executed (not counting ones found finished in Redis).</summary>
    public int Executed;
}
