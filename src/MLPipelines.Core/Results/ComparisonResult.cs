namespace MLPipelines.Core.Results;

/// <summary>
/// One paired significance test between models <see cref="A"/> and <see cref="B"/> on <see cref="Metric"/>
/// (corrected resampled t-test over the shared folds; filled by the statistics step).
/// </summary>
public sealed record ComparisonResult
{
    public required string A { get; init; }

    public required string B { get; init; }

    public required string Metric { get; init; }

    /// <summary>Mean over folds of (A - B).</summary>
    public required double MeanDiff { get; init; }

    public required double T { get; init; }

    public required double PValue { get; init; }

    public required bool Significant { get; init; }
}
