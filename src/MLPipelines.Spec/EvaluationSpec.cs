using MLPipelines.Results;

namespace MLPipelines.Spec;

/// <summary>The <c>evaluation:</c> section: how rows are split into training and test sets.</summary>
public sealed record EvaluationSpec
{
    /// <summary>Resampling method. Default <see cref="EvaluationMethod.KFold"/>.</summary>
    public EvaluationMethod Method { get; init; } = EvaluationMethod.KFold;

    /// <summary>k of k-fold; 2..100. Default 5. Only with <c>method: kfold</c>.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Repeats, each with a fresh shuffle: repeated k-fold gives <c>folds x repeats</c> scores; repeated holdout
    /// draws a new random split each time. 1..100, default 1.
    /// </summary>
    public int Repeats { get; init; } = 1;

    /// <summary>Stratify splits by class; null = not yet resolved (true for classification, false for regression).</summary>
    public bool? Stratify { get; init; }

    /// <summary>Holdout only: fraction of rows in the test split, in (0, 1). Default 0.2.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed for fold assignment and trainers, &gt;= 0. Default 42. <c>mlpipe run --seed N</c> overrides it.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Metric that ranks models; null = not yet resolved (task default from <see cref="TaskMetrics.DefaultFor"/>:
    /// binary and multiclass <c>accuracy</c>, regression <c>rmse</c>).
    /// </summary>
    public string? PrimaryMetric { get; init; }
}
