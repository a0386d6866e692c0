namespace MLPipelines.Results;

/// <summary>
/// Metric names per task, as written in <c>evaluation.primary_metric</c> and <c>results.json</c>. The spec
/// validator, the evaluator and the reports share these names.
/// </summary>
public static class TaskMetrics
{
    private static readonly string[] BinaryMetrics = ["auc", "accuracy", "f1", "log_loss", "auprc"];
    private static readonly string[] MulticlassMetrics = ["accuracy", "macro_accuracy", "log_loss"];
    private static readonly string[] RegressionMetrics = ["rmse", "mae", "r2"];
    private static readonly HashSet<string> LowerIsBetter = new(["log_loss", "rmse", "mae"], StringComparer.Ordinal);

    /// <summary>Every metric name of every task, without repeats, in the order binary, multiclass, regression.</summary>
    public static IReadOnlyList<string> All { get; } = [.. BinaryMetrics.Concat(MulticlassMetrics).Concat(RegressionMetrics).Distinct()];

    /// <summary>The metrics computed for <paramref name="task"/>.</summary>
    public static IReadOnlyList<string> For(TaskKind task) => task switch
    {
        TaskKind.Binary => BinaryMetrics,
        TaskKind.Multiclass => MulticlassMetrics,
        TaskKind.Regression => RegressionMetrics,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };

    /// <summary>The primary metric when the spec names none: <c>accuracy</c> for classification, <c>rmse</c> for regression.</summary>
    public static string DefaultFor(TaskKind task) => task == TaskKind.Regression ? "rmse" : "accuracy";

    /// <summary>True for scores (auc, accuracy, f1, auprc, macro_accuracy, r2); false for losses (log_loss, rmse, mae).</summary>
    public static bool HigherIsBetter(string metric) => !LowerIsBetter.Contains(metric);
}
