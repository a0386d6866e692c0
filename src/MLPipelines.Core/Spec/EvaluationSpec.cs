namespace MLPipelines.Core.Spec;

/// <summary>The <c>evaluation:</c> section.</summary>
public sealed class EvaluationSpec
{
    public EvaluationMethod Method { get; set; } = EvaluationMethod.KFold;

    /// <summary>k of k-fold; 2..100. Default 5.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>Repeats of k-fold, each with a fresh shuffle. Default 1.</summary>
    public int Repeats { get; set; } = 1;

    /// <summary>Stratify folds by class; null = true for classification, false for regression.</summary>
    public bool? Stratify { get; set; }

    /// <summary>Holdout only: fraction of rows in the test split, in (0, 1). Default 0.2.</summary>
    public double TestFraction { get; set; } = 0.2;

    /// <summary>Seed for fold assignment and trainers. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Metric that ranks models; null = task default (accuracy, accuracy, rmse).</summary>
    public string? PrimaryMetric { get; set; }
}

/// <summary>Evaluation methods.</summary>
public enum EvaluationMethod
{
    KFold,
    Holdout,
}
