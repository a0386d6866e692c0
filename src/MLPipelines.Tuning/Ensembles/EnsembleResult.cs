namespace MLPipelines.Tuning.Ensembles;

/// <summary>
/// The outcome of greedy ensemble selection: the chosen candidates (indices into the library, largest weight
/// first), their weights (times chosen / rounds, summing to 1), the ensemble's score on the selection rows, and
/// the score after each round (the hill-climbing trajectory).
/// </summary>
public sealed record EnsembleResult(IReadOnlyList<int> Members, IReadOnlyList<double> Weights, double Score, IReadOnlyList<double> Trajectory)
{
    /// <summary>Rounds actually used (the best point of the trajectory; later rounds did not improve the score).</summary>
    public int Rounds { get; init; }
}
