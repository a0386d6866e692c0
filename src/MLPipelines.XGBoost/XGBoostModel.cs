using Microsoft.ML.Data;
using MLPipelines.Trainers.Onnx;
using MLPipelines.XGBoost.Training;

namespace MLPipelines.XGBoost;

/// <summary>
/// A trained XGBoost booster as an ML.NET transformer: scores the feature column through the booster converted to
/// an ONNX tree ensemble (<c>ApplyOnnxModel</c>) and adds the standard prediction columns (binary <c>Score</c> =
/// margin, <c>Probability</c>, <c>PredictedLabel</c>; multiclass <c>Score</c> = class probabilities and key
/// <c>PredictedLabel</c>; regression <c>Score</c>). Saving writes those ML.NET transforms; the ONNX bytes (with the
/// booster's own JSON model in their metadata) are stored inside the zip, so no XGBoost library is needed to load
/// or score a saved model. Prediction needs no native XGBoost call either. A freshly trained model builds those
/// transforms when it is first scored or saved (see <see cref="XGBoostTrainer"/>).
/// </summary>
public sealed class XGBoostModel : OnnxNetworkModel<XGBoostModelParameters>, IDisposable
{
    private readonly XGBoostScoringBuilder _scoring;

    internal XGBoostModel(XGBoostScoringBuilder scoring, XGBoostModelParameters parameters, string featureColumn, DataViewType featureType)
        : base(scoring.Build, scoring.OutputSchema, parameters, featureColumn, featureType) => _scoring = scoring;

    /// <summary>Whether the booster has been converted into its scoring transforms (on first scoring or saving).</summary>
    internal bool IsConverted => ScoringBuilt;

    /// <summary>Releases the ONNX Runtime session of the scoring transforms, or the native booster if they were never built.</summary>
    public void Dispose()
    {
        if (ScoringBuilt)
        {
            (Chain as IDisposable)?.Dispose();
        }

        _scoring.Dispose();
    }
}
