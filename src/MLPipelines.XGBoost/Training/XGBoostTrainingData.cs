using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;
using MLPipelines.Trainers.Training;

namespace MLPipelines.XGBoost.Training;

/// <summary>
/// The rows of one fit read out of an <see cref="IDataView"/> for XGBoost: features row-major (NaN stays NaN, which
/// XGBoost treats as missing), one label per row (0/1 for binary, the 0-based class index for multiclass, the value
/// for regression). Rows whose label is missing (NaN, key 0) are skipped.
/// </summary>
internal sealed class XGBoostTrainingData
{
    private XGBoostTrainingData(float[] features, float[] labels, int width, int classCount, int skipped)
    {
        Features = features;
        Labels = labels;
        Width = width;
        ClassCount = classCount;
        SkippedRows = skipped;
    }

    public float[] Features { get; }

    public float[] Labels { get; }

    public int Width { get; }

    public int Rows => Labels.Length;

    /// <summary>Key count of a multiclass label; 2 for binary; 0 for regression.</summary>
    public int ClassCount { get; }

    public int SkippedRows { get; }

    public static XGBoostTrainingData Read(IDataView data, TaskKind task, string labelColumn, string featureColumn)
    {
        ArgumentNullException.ThrowIfNull(data);
        var width = XGBoostSchema.CheckFeatures(data.Schema, featureColumn);
        var label = XGBoostSchema.CheckLabel(data.Schema, labelColumn, task);
        var features = data.Schema[featureColumn];
        var classCount = task switch
        {
            TaskKind.Multiclass => checked((int)((KeyDataViewType)label.Type).Count),
            TaskKind.Binary => 2,
            _ => 0,
        };
        var values = new List<float>(capacity: (int)Math.Min((data.GetRowCount() ?? 1024) * width, int.MaxValue / 2));
        var labels = new List<float>();
        var skipped = 0;
        using (var cursor = data.GetRowCursor([features, label]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(features);
            var readLabel = LabelReader.For(cursor, label, task);
            var buffer = default(VBuffer<float>);
            while (cursor.MoveNext())
            {
                var y = readLabel();
                if (float.IsNaN(y))
                {
                    skipped++;
                    continue;
                }

                getFeatures(ref buffer);
                var start = values.Count;
                CollectionsMarshal.SetCount(values, start + width);
                buffer.CopyTo(CollectionsMarshal.AsSpan(values).Slice(start, width));
                labels.Add(y);
            }
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException($"XGBoost: the training data has no rows with a label in column '{labelColumn}'.", nameof(data));
        }

        return new XGBoostTrainingData([.. values], [.. labels], width, classCount, skipped);
    }
}
