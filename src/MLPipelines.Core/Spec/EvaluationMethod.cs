namespace MLPipelines.Core.Spec;

/// <summary>Evaluation methods (<c>evaluation.method</c>).</summary>
public enum EvaluationMethod
{
    /// <summary>(Repeated) k-fold cross-validation: every row is scored once per repeat.</summary>
    KFold,

    /// <summary>One random train/test split of <see cref="EvaluationSpec.TestFraction"/> per repeat.</summary>
    Holdout,
}
