using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Tuning.Ensembles;
using MLPipelines.Results;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Reads a trainer's own output columns into a <see cref="PredictionSet"/>, the form ensembles average: binary
/// <c>Probability</c> (width 1), multiclass <c>Score</c> (class probabilities, width = classes), regression
/// <c>Score</c> (model scale, width 1).
/// </summary>
internal static class PredictionReader
{
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
