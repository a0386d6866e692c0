namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>The fuzz classes run one after another (each case already uses the machine fully).</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection
{
    public const string Name = "Fuzz";
}
