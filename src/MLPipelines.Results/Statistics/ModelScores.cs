namespace MLPipelines.Results.Statistics;

/// <summary>
/// One model's fold values per metric, as in a results.json <c>models[i].metrics[m].folds</c>. Every model of a
/// run must list its folds in the same run order (repeat-major, then fold), which is what makes the tests paired.
/// </summary>
/// <param name="Name">Model name (results.json <c>models[i].name</c>).</param>
/// <param name="Metrics">Fold values by metric name.</param>
public sealed record ModelScores(string Name, IReadOnlyDictionary<string, IReadOnlyList<double>> Metrics);
