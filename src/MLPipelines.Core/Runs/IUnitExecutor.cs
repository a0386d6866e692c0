namespace MLPipelines.Core.Runs;

/// <summary>
/// Executes split units of a run somewhere other than this process (e.g. on a cluster of workers) and hands back
/// each finished unit as its stored JSON (a <see cref="UnitStore"/> envelope carrying the run key), which the runner
/// puts in the run's unit store and then reduces exactly as a unit it computed itself.
/// </summary>
public interface IUnitExecutor
{
    /// <summary>Executes <paramref name="units"/> of the run of key <paramref name="runKey"/> whose spec is found at <paramref name="source"/>.</summary>
    /// <returns>The stored JSON of every unit, by unit name.</returns>
    IReadOnlyDictionary<string, string> Execute(
        SpecSource source, string runKey, IReadOnlyList<UnitRequest> units, IProgress<RunEvent>? progress, CancellationToken cancellation);
}
