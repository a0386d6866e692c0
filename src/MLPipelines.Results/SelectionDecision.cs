namespace MLPipelines.Results;

/// <summary>
/// One decision of the one-standard-error rule on an outer split: whether <see cref="Candidate"/> (the best
/// configuration, or the ensemble) replaced <see cref="Incumbent"/> (the defaults, or the tuned variant). The gain is
/// paired and cross-fitted: on each inner fold, the candidate is chosen on the other inner folds' out-of-fold rows and
/// scored against the incumbent on this fold's rows, so the gain is not inflated by the choice itself.
/// </summary>
public sealed record SelectionDecision
{
    /// <summary>Key of the best configuration (<c>c5-r0</c>) or <c>ensemble</c>.</summary>
    public required string Candidate { get; init; }

    /// <summary><c>defaults</c> or <c>tuned</c>.</summary>
    public required string Incumbent { get; init; }

    /// <summary>
    /// What the gain is measured in: a per-row loss (<c>error</c>, <c>log_loss</c>, <c>absolute_error</c>,
    /// <c>squared_error</c>), or <c>per_fold:METRIC</c> for a metric that is not a mean over rows.
    /// </summary>
    public required string Statistic { get; init; }

    /// <summary>Mean paired gain of the candidate (positive = better), in <see cref="Statistic"/>'s units.</summary>
    public required double Improvement { get; init; }

    /// <summary>Standard error of <see cref="Improvement"/> (sd of the paired differences / sqrt of their count).</summary>
    public required double StandardError { get; init; }

    /// <summary>True when the candidate replaced the incumbent (gain above one standard error).</summary>
    public required bool Accepted { get; init; }
}
