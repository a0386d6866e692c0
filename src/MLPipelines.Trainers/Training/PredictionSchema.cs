using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;

namespace MLPipelines.Trainers.Training;

/// <summary>
/// The columns a trainer of ours adds, as an estimator's output <see cref="SchemaShape"/> (shared by the MLP and
/// XGBoost trainers). SchemaShape columns cannot be built directly, so the shapes come from public ML.NET
/// estimators applied to the input shape: <c>PredictedLabel</c> copies the label (bool, or the key with its key
/// values), scalar scores convert the label to Single, and the multiclass <c>Score</c> converts the feature vector.
/// </summary>
internal static class PredictionSchema
{
    public static SchemaShape Shape(MLContext ml, TaskKind task, string label, string features, SchemaShape input)
    {
        var t = ml.Transforms;
        IEstimator<ITransformer> shape = task switch
        {
            TaskKind.Binary => t.Conversion.ConvertType("Score", label, DataKind.Single)
                .Append(t.Conversion.ConvertType("Probability", label, DataKind.Single))
                .Append(t.CopyColumns("PredictedLabel", label)),
            TaskKind.Multiclass => t.Conversion.ConvertType("Score", features, DataKind.Single)
                .Append(t.CopyColumns("PredictedLabel", label)),
            _ => t.CopyColumns("Score", label),
        };
        return shape.GetOutputSchema(input);
    }
}
