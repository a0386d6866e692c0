using MLPipelines.Core.Trainers;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Executes units of runs on a worker: prepares a run (reads its data, plans its splits) once and keeps it for the
/// run's next units (the few most recent runs are kept), computes each unit as the run's own process would, and
/// returns it as stored JSON. A worker whose spec, data or build gives another run key than the client's refuses
/// the unit: its result would not be the client's.
/// </summary>
public sealed class UnitWorker(TrainerRegistry registry, int keptRuns = 4)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, Lazy<RunPlan> Plan)> _plans = new();

    /// <summary>Runs prepared (data read) so far: one per run key and worker unless evicted.</summary>
    public int Prepared { get; private set; }

    /// <summary>Executes <paramref name="unit"/> of the run of key <paramref name="runKey"/> whose spec is <paramref name="spec"/>.</summary>
    /// <returns>The unit's stored JSON (<see cref="UnitStore.WriteStored"/>).</returns>
    /// <exception cref="UnitMismatchException">This worker computes another run key for the spec.</exception>
    public string Execute(PipelineSpec spec, string runKey, UnitRequest unit, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(unit);
        var plan = PlanOf(spec, runKey);
        if (plan.Key != runKey)
        {
            throw new UnitMismatchException(
                $"run key {runKey[..12]}: this worker computes {plan.Key[..12]} for the same spec; it reads another data file, spec or mlpipe build (workers and client must run the same build and see the same files at the same paths)");
        }

        var result = plan.Evaluator(null).EvaluateUnit(unit.ModelIndex, plan.Plugins[unit.ModelIndex], unit.Repeat, unit.Fold, cancellation);
        return new UnitStore(".", runKey).Serialize(result);
    }

    private RunPlan PlanOf(PipelineSpec spec, string runKey)
    {
        Lazy<RunPlan> plan;
        lock (_gate)
        {
            var node = _plans.First;
            while (node is not null && node.Value.Key != runKey)
            {
                node = node.Next;
            }

            if (node is null)
            {
                node = _plans.AddFirst((runKey, new Lazy<RunPlan>(() => RunPlan.Prepare(registry, spec), LazyThreadSafetyMode.ExecutionAndPublication)));
                Prepared++;
                while (_plans.Count > Math.Max(1, keptRuns))
                {
                    _plans.RemoveLast();
                }
            }
            else if (node != _plans.First)
            {
                _plans.Remove(node);
                _plans.AddFirst(node);
            }

            plan = node.Value.Plan;
        }

        try
        {
            return plan.Value;
        }
        catch
        {
            lock (_gate)
            {
                var failed = _plans.First;
                while (failed is not null && failed.Value.Plan != plan)
                {
                    failed = failed.Next;
                }

                if (failed is not null)
                {
                    _plans.Remove(failed); // a data error is reported, not cached
                }
            }

            throw;
        }
    }
}
