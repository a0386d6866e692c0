namespace MLPipelines.Results.Statistics;

/// <summary>Which way a metric improves; decides ranks, winners and win/tie/loss counts.</summary>
public enum MetricDirection
{
    /// <summary>Larger values are better (accuracy, auc, f1, auprc, macro_accuracy, r2).</summary>
    HigherIsBetter,

    /// <summary>Smaller values are better (log_loss, rmse, mae, times).</summary>
    LowerIsBetter,
}
