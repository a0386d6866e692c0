using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Runs;
using MLPipelines.Results;

namespace MLPipelines.Trainers.Mlp.Scoring;

/// <summary>
/// The ML.NET transforms that serve a trained network (MLP, CNN) or XGBoost booster: <c>ApplyOnnxModel</c> on the
/// model's ONNX bytes (ML.NET stores them in the model zip) followed by ML.NET's own scorers over identity linear
/// models (<see cref="IdentityScorers"/>), so the output has ML.NET's standard prediction columns and a saved zip
/// holds only ML.NET types (plain Microsoft.ML + Microsoft.ML.OnnxTransformer load it):
/// <list type="bullet">
/// <item>binary: ONNX <c>MlpLogit</c>, <c>MlpProbability</c> ([1] each) -> regression scorer on the probability,
///   copied to <c>Probability</c> -> binary scorer on the logit -> <c>Score</c> (logit), <c>PredictedLabel</c> (logit &gt; 0);</item>
/// <item>multiclass: ONNX <c>Score</c> (class probabilities) -> multiclass scorer -> <c>Score</c> (the same values),
///   <c>PredictedLabel</c> (a key like the label's, with its key values: the first most probable class);</item>
/// <item>regression: ONNX <c>MlpValue</c> ([1]) -> regression scorer -> <c>Score</c>.</item>
/// </list>
/// Temporary columns are dropped at the end.
/// </summary>
internal static class MlpScoringChain
{
    /// <summary>The chain to fit on the training view; <paramref name="label"/> is the training label column (its key values for multiclass).</summary>
    public static Fitter Create(MLContext ml, TaskKind task, byte[] onnx, string featureColumn, DataViewSchema.Column label, int classCount) =>
        new(ml, task, onnx, featureColumn, label.Name, classCount);

    /// <summary>Builds the chain on a view's schema (the scorers take the schema they score, not data).</summary>
    internal sealed class Fitter(MLContext ml, TaskKind task, byte[] onnx, string featureColumn, string label, int classCount)
    {
        /// <summary>The fitted chain for <paramref name="input"/>'s schema; nothing is read from the data.</summary>
        public ITransformer Fit(IDataView input)
        {
            ArgumentNullException.ThrowIfNull(input);
            var steps = new List<ITransformer>();
            var view = input;
            void Add(ITransformer step)
            {
                steps.Add(step);
                view = step.Transform(view);
            }

            var t = ml.Transforms;
            switch (task)
            {
                case TaskKind.Binary:
                    Add(OnnxTempFiles.Create(() => t.ApplyOnnxModel([ScoreColumns.Logit, ScoreColumns.Probability], [featureColumn], new MemoryStream(onnx)).Fit(view)));
                    Add(IdentityScorers.Regression(ml, view.Schema, ScoreColumns.Probability));
                    Add(t.CopyColumns("Probability", "Score").Fit(view));
                    Add(t.DropColumns("Score", ScoreColumns.Probability).Fit(view));
                    Add(IdentityScorers.Binary(ml, view.Schema, ScoreColumns.Logit));
                    Add(t.DropColumns(ScoreColumns.Logit).Fit(view));
                    break;
                case TaskKind.Regression:
                    Add(OnnxTempFiles.Create(() => t.ApplyOnnxModel([ScoreColumns.Value], [featureColumn], new MemoryStream(onnx)).Fit(view)));
                    Add(IdentityScorers.Regression(ml, view.Schema, ScoreColumns.Value));
                    Add(t.DropColumns(ScoreColumns.Value).Fit(view));
                    break;
                default:
                    Add(OnnxTempFiles.Create(() => t.ApplyOnnxModel(["Score"], [featureColumn], new MemoryStream(onnx)).Fit(view)));
                    Add(IdentityScorers.Multiclass(ml, view.Schema, "Score", label, classCount));
                    break;
            }

            return new TransformerChain<ITransformer>([.. steps]);
        }
    }
}
