namespace MLPipelines.Tuning.Search;

/// <summary>One searched option: its spec name and the distribution its values come from.</summary>
public sealed record SearchDimension(string Name, SearchDistribution Distribution);
