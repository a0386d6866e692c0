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
    private XGBoostTrainingData(float[] features, float[] labels, int rows, int width, int classCount, int skipped)
    {
        Features = features.AsMemory(0, rows * width);
        Labels = labels.AsMemory(0, rows);
        Width = width;
        ClassCount = classCount;
        SkippedRows = skipped;
    }

    /// <summary>Row-major, <see cref="Rows"/> x <see cref="Width"/>.</summary>
    public ReadOnlyMemory<float> Features { get; }

    public ReadOnlyMemory<float> Labels { get; }

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

        // One pass straight into the matrix XGBoost copies from: rows known up front (a Select view or ML.NET's
        // cache knows its count) fill an exact array; otherwise it grows by doubling. Sparse vectors expand in place.
        var capacity = data.GetRowCount() is long n and > 0 and <= int.MaxValue ? (int)n : 1024;
        var values = GC.AllocateUninitializedArray<float>(checked(capacity * width));
        var labels = GC.AllocateUninitializedArray<float>(capacity);
        var rows = 0;
        var skipped = 0;
        using (var cursor = SequentialCursor(data, [features, label]))
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

                if (rows == labels.Length)
                {
                    Array.Resize(ref labels, checked(rows * 2));
                    Array.Resize(ref values, checked(rows * 2 * width));
                }

                getFeatures(ref buffer);
                buffer.CopyTo(values.AsSpan(rows * width, width));
                labels[rows++] = y;
            }
        }

        if (rows == 0)
        {
            throw new ArgumentException($"XGBoost: the training data has no rows with a label in column '{labelColumn}'.", nameof(data));
        }

        return new XGBoostTrainingData(values, labels, rows, width, classCount, skipped);
    }

    /// <summary>
    /// One cursor that computes every row on the calling thread. <see cref="IDataView.GetRowCursor"/> on a transformed
    /// view makes ML.NET split the rows over at least two worker threads and merge them back in order, copying every
    /// value through its batches; for one pass of light transforms (one-hot, concatenation) the hand-offs cost more
    /// processor time than the transforms, and take cores from XGBoost's own threads. Same rows, same order.
    /// </summary>
    private static DataViewRowCursor SequentialCursor(IDataView data, DataViewSchema.Column[] columns)
    {
        var set = data.GetRowCursorSet(columns, 1);
        if (set.Length == 1)
        {
            return set[0];
        }

        foreach (var cursor in set)
        {
            cursor.Dispose();
        }

        return data.GetRowCursor(columns);
    }
}
