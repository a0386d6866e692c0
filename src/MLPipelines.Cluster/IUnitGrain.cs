namespace MLPipelines.Cluster;

/// <summary>
/// One attempt at one unit (grain key <c>RUNKEY/UNIT#ATTEMPT</c>): executes it on the worker it is placed on and
/// returns its stored JSON. A fresh key per attempt lets a retry land on a live worker.
/// </summary>
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>Executes <paramref name="call"/> (or returns its result stored by an earlier attempt).</summary>
    Task<string> Execute(UnitCall call);
}
