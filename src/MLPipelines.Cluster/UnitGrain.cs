using MLPipelines.Core.Runs;
using Orleans.Placement;

namespace MLPipelines.Cluster;

/// <summary>
/// Executes one attempt at a unit on the worker it is placed on (the one with the fewest activations: one per unit in
/// flight, as each deactivates when done). It marks the unit as run by this worker (so the client can tell when the
/// worker dies), waits for the cores the unit's trainer uses, executes it off Orleans' scheduler, and stores the
/// result in Redis before returning it: a unit finished once is never computed again.
/// </summary>
[ActivationCountBasedPlacement]
internal sealed class UnitGrain(WorkerContext worker) : Grain, IUnitGrain
{
    /// <summary>The grain key of attempt <paramref name="attempt"/> at unit <paramref name="name"/> of run <paramref name="runKey"/>.</summary>
    public static string Key(string runKey, string name, int attempt) => $"{runKey}/{name}#{attempt}";

    public async Task<string> Execute(UnitCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        DeactivateOnIdle();
        var redis = worker.Redis.GetDatabase();
        var stored = await redis.StringGetAsync(worker.Keys.Unit(call.RunKey, call.Name)).ConfigureAwait(true);
        if (stored.HasValue)
        {
            return stored.ToString();
        }

        await redis.StringSetAsync(worker.Keys.Running(this.GetPrimaryKeyString()), worker.Id, ClusterKeys.UnitLifetime).ConfigureAwait(true);
        var source = new SpecSource(call.SpecPath, call.Dataset, call.Seed);
        var spec = worker.Specs.Load(source);
        using (await worker.Slots.Take(worker.Specs.Threads(spec, call.ModelIndex, worker.Slots.Cores), CancellationToken.None).ConfigureAwait(true))
        {
            var json = await Task.Run(() => worker.Units.Execute(spec, call.RunKey, call.Request, worker.Stopping)).ConfigureAwait(true);
            await redis.StringSetAsync(worker.Keys.Unit(call.RunKey, call.Name), json, ClusterKeys.UnitLifetime).ConfigureAwait(true);
            await redis.KeyDeleteAsync(worker.Keys.Running(this.GetPrimaryKeyString())).ConfigureAwait(true);
            Interlocked.Increment(ref worker.Executed);
            return json;
        }
    }
}
