namespace MLPipelines.Core.Statistics;

/// <summary>A model that could be the run's comparison baseline.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Trainer">Trainer name from the spec (<c>lightgbm</c>, <c>fasttree</c>, <c>mlp</c>, ...).</param>
/// <param name="PrimaryMean">Mean fold score on the primary metric.</param>
public sealed record BaselineCandidate(string Name, string Trainer, double PrimaryMean);
