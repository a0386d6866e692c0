namespace MLPipelines.Tuning.Search;

/// <summary>One searched option: its spec name and the distribution its values come from.</summary>
public sealed record SearchDimension(string Name, SearchDistribution Distribution)
{
    /// <summary>Where a built-in range comes from and why it was chosen (documented in FORMAT.md); empty for user spaces.</summary>
    public string Source { get; init; } = "";
}
