namespace MLPipelines.Trainers.Tests.Cnn;

/// <summary>CNN fits run one at a time (they use every core), like the engine's conv training tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CnnCollection
{
    public const string Name = "CNN training";
}
