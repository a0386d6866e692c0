namespace MLPipelines.Results;

/// <summary>The learning task of a pipeline; decides label handling, trainers and metrics.</summary>
public enum TaskKind
{
    /// <summary>Two classes; metrics auc, accuracy, f1, log_loss, auprc.</summary>
    Binary,

    /// <summary>Three or more classes; metrics accuracy, macro_accuracy, log_loss.</summary>
    Multiclass,

    /// <summary>A numeric target; metrics rmse, mae, r2.</summary>
    Regression,
}
