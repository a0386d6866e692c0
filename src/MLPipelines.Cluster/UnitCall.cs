using MLPipelines.Core.Runs;

namespace MLPipelines.Cluster;

/// <summary>A unit sent to a worker: where its spec is (<see cref="SpecSource"/>), the client's run key, and which split of which model.</summary>
[GenerateSerializer]
[Immutable]
public sealed record UnitCall(
    [property: Id(0)] string SpecPath,
    [property: Id(1)] string? Dataset,
    [property: Id(2)] int? Seed,
    [property: Id(3)] string RunKey,
    [property: Id(4)] string Name,
    [property: Id(5)] int ModelIndex,
    [property: Id(6)] int Repeat,
    [property: Id(7)] int Fold)
{
    /// <summary>The call of <paramref name="unit"/> of the run of key <paramref name="runKey"/>.</summary>
    public static UnitCall Of(SpecSource source, string runKey, UnitRequest unit) =>
        new(source.Path, source.Dataset, source.Seed, runKey, unit.Name, unit.ModelIndex, unit.Repeat, unit.Fold);

    /// <summary>The unit's request, as the worker's runner takes it.</summary>
    public UnitRequest Request => new(Name, ModelIndex, Repeat, Fold);
}
