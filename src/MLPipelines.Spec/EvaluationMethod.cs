namespace MLPipelines.Spec;

/// <summary>Evaluation methods (<c>evaluation.method</c>).</summary>
public enum EvaluationMethod
{
    /// <summary>(Repeated) k-fold cross-validation: every row is scored once per repeat.</summary>
    KFold,

    /// <summary>One random train/test split of <see cref="EvaluationSpec.TestFraction"/> per repeat.</summary>
    Holdout,

    /// <summary>Train on the training set (<c>data.train</c>), score on the separate test set (<c>data.test</c>), once.</summary>
    TestSet,
}
