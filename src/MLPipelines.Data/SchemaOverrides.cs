namespace MLPipelines.Data;

/// <summary>What the user fixed about the schema (from <c>data.columns</c> and <c>data.label</c>).</summary>
public sealed record SchemaOverrides
{
    public string? Label { get; init; }

    public IReadOnlyCollection<string> Ignore { get; init; } = [];

    public IReadOnlyCollection<string> Categorical { get; init; } = [];

    public IReadOnlyCollection<string> Numeric { get; init; } = [];
}
