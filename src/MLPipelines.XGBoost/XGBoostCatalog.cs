using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Results;

namespace MLPipelines.XGBoost;

/// <summary>
/// <c>XGBoost</c> trainers in ML.NET's catalogs: <c>mlContext.BinaryClassification.Trainers.XGBoost(...)</c>,
/// <c>mlContext.MulticlassClassification.Trainers.XGBoost(...)</c>, <c>mlContext.Regression.Trainers.XGBoost(...)</c>,
/// each with a simple overload and an <see cref="XGBoostOptions"/> overload. Needs XGBoost's C library at fit time
/// (<c>apt-get install libxgboost0</c>, or <c>MLPIPE_XGBOOST_LIBRARY</c>); scoring and loading saved models do not.
/// </summary>
/// <example>
/// <code>
/// var pipeline = ml.Transforms.Concatenate("Features", "x1", "x2")
///     .Append(ml.BinaryClassification.Trainers.XGBoost(new XGBoostOptions { NEstimators = 200, Eta = 0.1 }));
/// var model = pipeline.Fit(train);
/// ml.Model.Save(model, train.Schema, "model.zip");  // the trees travel as ONNX (with the booster's JSON) in the zip
/// </code>
/// </example>
public static class XGBoostCatalog
{
    /// <summary>Binary XGBoost (<c>binary:logistic</c>): <c>Score</c> (margin), <c>Probability</c>, <c>PredictedLabel</c>. Label: Boolean.</summary>
    public static XGBoostTrainer XGBoost(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int? nEstimators = null, double? eta = null, int? maxDepth = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Binary, Simple(labelColumnName, featureColumnName, nEstimators, eta, maxDepth));
    }

    /// <summary>Binary XGBoost with every option.</summary>
    public static XGBoostTrainer XGBoost(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, XGBoostOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Binary, options);
    }

    /// <summary>Multiclass XGBoost (<c>multi:softprob</c>): <c>Score</c> (class probabilities), key <c>PredictedLabel</c>. Label: a key type.</summary>
    public static XGBoostTrainer XGBoost(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int? nEstimators = null, double? eta = null, int? maxDepth = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Multiclass, Simple(labelColumnName, featureColumnName, nEstimators, eta, maxDepth));
    }

    /// <summary>Multiclass XGBoost with every option.</summary>
    public static XGBoostTrainer XGBoost(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, XGBoostOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Multiclass, options);
    }

    /// <summary>Regression XGBoost (<c>reg:squarederror</c>): <c>Score</c>. Label: Single.</summary>
    public static XGBoostTrainer XGBoost(this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int? nEstimators = null, double? eta = null, int? maxDepth = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Regression, Simple(labelColumnName, featureColumnName, nEstimators, eta, maxDepth));
    }

    /// <summary>Regression XGBoost with every option.</summary>
    public static XGBoostTrainer XGBoost(this RegressionCatalog.RegressionTrainers catalog, XGBoostOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Regression, options);
    }

    private static XGBoostOptions Simple(string label, string features, int? nEstimators, double? eta, int? maxDepth)
    {
        var options = new XGBoostOptions { LabelColumnName = label, FeatureColumnName = features };
        options.NEstimators = nEstimators ?? options.NEstimators;
        options.Eta = eta ?? options.Eta;
        options.MaxDepth = maxDepth ?? options.MaxDepth;
        return options;
    }

    /// <summary>ML.NET keeps a catalog's environment internal, so the scoring transforms are built in a context of their own.</summary>
    private static XGBoostTrainer Create(TaskKind task, XGBoostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new XGBoostTrainer(ScratchFiles.Context(0), task, options);
    }
}
