using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Reads a trainer's own output columns into a <see cref="PredictionSet"/>, the form ensembles average: binary
/// <c>Probability</c> (width 1), multiclass <c>Score</c> (class probabilities, width = classes), regression
/// <c>Score</c> (model scale, width 1).
/// </summary>
internal static class PredictionReader
{
    /// <summary>
    /// <paramref name="model"/>'s predictions for every row of <paramref name="features"/> (a prepared view), in order:
    /// through <see cref="SoftmaxTreePredictor"/> when the model is LightGBM's multiclass one (same numbers, much
    /// faster), else through the model's own transform.
    /// </summary>
    public static PredictionSet Predict(ITransformer model, IDataView features, TaskKind task, int classCount, int threads)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (task == TaskKind.Multiclass
            && SoftmaxTreePredictor.TryCreate(model) is { } trees
            && trees.TryPredict(features, Preprocessing.FeaturePipelineBuilder.FeatureColumn, threads) is { } fast)
        {
            return fast.Width == classCount ? fast
                : throw new InvalidOperationException($"The model scored {fast.Width} classes, expected {classCount}.");
        }

        return Read(model.Transform(features), task, classCount);
    }

    /// <summary>Every row of <paramref name="scored"/>, in order.</summary>
    /// <exception cref="InvalidOperationException">The column the task needs is missing.</exception>
    public static PredictionSet Read(IDataView scored, TaskKind task, int classCount)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var name = task == TaskKind.Binary ? "Probability" : "Score";
        var column = scored.Schema.GetColumnOrNull(name)
            ?? throw new InvalidOperationException($"The trained model did not produce the column '{name}' a {task} model must have.");
        var width = task == TaskKind.Multiclass ? classCount : 1;
        var values = new List<float>();
        using var cursor = scored.GetRowCursor([column]);
        if (task == TaskKind.Multiclass)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                if (buffer.Length != width)
                {
                    throw new InvalidOperationException($"The model scored {buffer.Length} classes, expected {width}.");
                }

                foreach (var v in buffer.DenseValues())
                {
                    values.Add(v);
                }
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                values.Add(value);
            }
        }

        return new PredictionSet([.. values], width);
    }
}
