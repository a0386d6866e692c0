namespace MLPipelines.Results.Statistics;

/// <summary>A model that could be the run's comparison baseline.</summary>
/// <param name="Name">Model name.</param>
/// <param name="IsBoostedTree">Whether it is a gradient-boosted tree model (results.json family <c>boosted_trees</c>).</param>
/// <param name="PrimaryMean">Mean fold score on the primary metric.</param>
public sealed record BaselineCandidate(string Name, bool IsBoostedTree, double PrimaryMean);
