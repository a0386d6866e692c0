using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Results;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// <c>Mlp</c> trainers in ML.NET's catalogs: <c>mlContext.BinaryClassification.Trainers.Mlp(...)</c>,
/// <c>mlContext.MulticlassClassification.Trainers.Mlp(...)</c>, <c>mlContext.Regression.Trainers.Mlp(...)</c>,
/// each with a simple overload and an <see cref="MlpOptions"/> overload.
/// </summary>
/// <example>
/// <code>
/// var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
///     .Append(ml.Transforms.Concatenate("Features", "x1", "x2"))
///     .Append(ml.MulticlassClassification.Trainers.Mlp(new MlpOptions { Epochs = 50 }));
/// var model = pipeline.Fit(train);
/// ml.Model.Save(model, train.Schema, "model.zip");  // the network travels as ONNX inside the zip
/// </code>
/// </example>
public static class MlpCatalog
{
    /// <summary>Binary MLP: <c>Score</c> (logit), <c>Probability</c>, <c>PredictedLabel</c>. Label: Boolean.</summary>
    public static MlpTrainer Mlp(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int[]? hiddenLayers = null, int? epochs = null, double? learningRate = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Binary, Simple(labelColumnName, featureColumnName, hiddenLayers, epochs, learningRate));
    }

    /// <summary>Binary MLP with every option.</summary>
    public static MlpTrainer Mlp(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Binary, options);
    }

    /// <summary>Multiclass MLP: <c>Score</c> (class probabilities), key <c>PredictedLabel</c>. Label: a key type.</summary>
    public static MlpTrainer Mlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int[]? hiddenLayers = null, int? epochs = null, double? learningRate = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Multiclass, Simple(labelColumnName, featureColumnName, hiddenLayers, epochs, learningRate));
    }

    /// <summary>Multiclass MLP with every option.</summary>
    public static MlpTrainer Mlp(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Multiclass, options);
    }

    /// <summary>Regression MLP: <c>Score</c>. Label: Single.</summary>
    public static MlpTrainer Mlp(this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", int[]? hiddenLayers = null, int? epochs = null, double? learningRate = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Regression, Simple(labelColumnName, featureColumnName, hiddenLayers, epochs, learningRate));
    }

    /// <summary>Regression MLP with every option.</summary>
    public static MlpTrainer Mlp(this RegressionCatalog.RegressionTrainers catalog, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Create(TaskKind.Regression, options);
    }

    private static MlpOptions Simple(string label, string features, int[]? hiddenLayers, int? epochs, double? learningRate)
    {
        var options = new MlpOptions { LabelColumnName = label, FeatureColumnName = features };
        if (hiddenLayers is not null)
        {
            options.HiddenLayers = hiddenLayers;
        }

        options.Epochs = epochs ?? options.Epochs;
        options.LearningRate = learningRate ?? options.LearningRate;
        return options;
    }

    /// <summary>
    /// ML.NET keeps a catalog's environment internal, so the scoring transforms are built in a context of their own
    /// (they hold no state of it; they save and load like any other transform).
    /// </summary>
    private static MlpTrainer Create(TaskKind task, MlpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new MlpTrainer(ScratchFiles.Context(0), task, options, options.LabelColumnName, options.FeatureColumnName, new NetworkFitHooks { Seed = 0 });
    }
}
