namespace MLPipelines.Results.Experiments;

/// <summary>A model of an experiment (a matrix column).</summary>
public sealed record ExperimentModel
{
    public required string Name { get; init; }

    public required string Trainer { get; init; }

    /// <summary><c>boosted_trees</c>, <c>forest</c>, <c>linear</c>, <c>neural</c>.</summary>
    public string Family { get; init; } = "";
}
