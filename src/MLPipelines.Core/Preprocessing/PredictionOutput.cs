using Microsoft.ML;
using MLPipelines.Data;
using MLPipelines.Results;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// The last stage of every model: a <c>Prediction</c> column in the label's own terms, next to ML.NET's standard
/// columns. Binary: the original class text of <c>PredictedLabel</c>; multiclass: the class name of the predicted
/// key; regression: <c>Score</c> mapped back to the file's scale (<c>exp</c> when the label was log-transformed).
/// Built from ML.NET transforms only, so it is saved inside the model zip.
/// </summary>
public static class PredictionOutput
{
    /// <summary>Name of the added column.</summary>
    public const string Column = "Prediction";

    public static IEstimator<ITransformer> Create(MLContext ml, LabelInfo label)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(label);
        return label.Task switch
        {
            TaskKind.Binary => ml.Transforms.Expression(Column,
                $"x => x ? {ExpressionText.Quote(label.PositiveClass!)} : {ExpressionText.Quote(label.NegativeClass!)}", "PredictedLabel"),
            TaskKind.Multiclass => ml.Transforms.Conversion.MapKeyToValue(Column, "PredictedLabel"),
            _ when label.Transform == Spec.LabelTransform.Log => ml.Transforms.Expression(Column, "x => exp(x)", "Score"),
            _ => ml.Transforms.CopyColumns(Column, "Score"),
        };
    }
}
