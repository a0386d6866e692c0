namespace MLPipelines.XGBoost.Tests;

/// <summary>Tests that measure the whole process (resident memory): xUnit runs this collection after the others, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Alone";
}
