namespace MLPipelines.Results;

/// <summary>The <c>evaluation</c> block of <c>results.json</c>: how rows were split.</summary>
public sealed record EvaluationResult
{
    /// <summary><c>kfold</c>, <c>holdout</c> or <c>test_set</c> (images: trained on the training set, scored once on the test set).</summary>
    public required string Method { get; init; }

    /// <summary>k of k-fold (1 for holdout and test_set).</summary>
    public required int Folds { get; init; }

    public required int Repeats { get; init; }

    public required int Seed { get; init; }

    public bool Stratify { get; init; }

    /// <summary>Holdout only: fraction of rows in the test split.</summary>
    public double? TestFraction { get; init; }
}
