namespace MLPipelines.Neural.Tests.Training;

/// <summary>
/// Test classes that train conv nets on both cores: they run after the parallel tests, alone, so their load does not
/// disturb tests that measure allocations or bit-identical results under other threads' activity.
/// </summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection
{
}
