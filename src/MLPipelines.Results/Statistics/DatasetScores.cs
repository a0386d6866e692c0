namespace MLPipelines.Results.Statistics;

/// <summary>The fold scores of every model on one dataset of an experiment, with the resampling that produced them.</summary>
/// <param name="Dataset">Dataset name (a row of the experiment matrix).</param>
/// <param name="Design">Resampling design of this dataset's runs.</param>
/// <param name="Models">The models' fold values; the same model names on every dataset.</param>
public sealed record DatasetScores(string Dataset, ResamplingDesign Design, IReadOnlyList<ModelScores> Models);
