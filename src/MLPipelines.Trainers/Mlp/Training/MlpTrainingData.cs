using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;
using MLPipelines.Trainers.Mlp.Encoding;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Mlp.Training;

/// <summary>
/// The training rows of one fit read out of an <see cref="IDataView"/>: the feature vectors (row-major floats), one
/// target per row (class index for classification, 0/1 for binary, the value for regression), and what the feature
/// column's annotations say about categorical slots. Rows whose label is missing (NaN, key 0) are skipped.
/// </summary>
internal sealed class MlpTrainingData
{
    private MlpTrainingData(float[] features, float[] targets, int width, int classCount, IReadOnlyList<CategoricalBlock> blocks, int skipped)
    {
        Features = features;
        Targets = targets;
        Width = width;
        ClassCount = classCount;
        CategoricalBlocks = blocks;
        SkippedRows = skipped;
    }

    public float[] Features { get; }

    public float[] Targets { get; }

    public int Width { get; }

    public int Rows => Targets.Length;

    /// <summary>Classes of a multiclass label (its key count); 2 for binary; 0 for regression.</summary>
    public int ClassCount { get; }

    /// <summary>One-hot blocks from the feature column's <c>CategoricalSlotRanges</c> annotation (empty if none).</summary>
    public IReadOnlyList<CategoricalBlock> CategoricalBlocks { get; }

    /// <summary>Rows left out because their label was missing.</summary>
    public int SkippedRows { get; }

    /// <summary>Checks the schema (see <see cref="MlpSchema"/>) and reads every row.</summary>
    public static MlpTrainingData Read(IDataView data, TaskKind task, string labelColumn, string featureColumn)
    {
        ArgumentNullException.ThrowIfNull(data);
        var schema = data.Schema;
        var featureCol = MlpSchema.CheckFeatures(schema, featureColumn);
        var labelCol = MlpSchema.CheckLabel(schema, labelColumn, task);
        var width = ((VectorDataViewType)featureCol.Type).Size;
        var classCount = task switch
        {
            TaskKind.Multiclass => checked((int)((KeyDataViewType)labelCol.Type).Count),
            TaskKind.Binary => 2,
            _ => 0,
        };
        // The rows straight into arrays sized by the view's row count (a copy only to cut rows without a label).
        var known = data.GetRowCount() is { } count && count * width <= Array.MaxLength ? (int)count : 1024;
        var features = GC.AllocateUninitializedArray<float>(known * width);
        var targets = GC.AllocateUninitializedArray<float>(known);
        var rows = 0;
        var skipped = 0;
        using (var cursor = data.GetRowCursor([featureCol, labelCol]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(featureCol);
            var buffer = default(VBuffer<float>);
            var readTarget = LabelReader.For(cursor, labelCol, task);
            while (cursor.MoveNext())
            {
                var target = readTarget();
                if (float.IsNaN(target))
                {
                    skipped++;
                    continue;
                }

                if (rows == targets.Length)
                {
                    var grown = (int)Math.Min(Array.MaxLength / Math.Max(width, 1), Math.Max(1024, targets.Length * 2L));
                    Array.Resize(ref targets, grown);
                    Array.Resize(ref features, grown * width);
                }

                getFeatures(ref buffer);
                WriteDense(features.AsSpan(rows * width, width), buffer);
                targets[rows++] = target;
            }
        }

        if (rows == 0)
        {
            throw new ArgumentException($"The training data has no rows with a label in column '{labelColumn}'.", nameof(data));
        }

        if (rows < targets.Length)
        {
            Array.Resize(ref targets, rows);
            Array.Resize(ref features, rows * width);
        }

        return new MlpTrainingData(features, targets, width, classCount, ReadBlocks(featureCol), skipped);
    }

    private static void WriteDense(Span<float> row, in VBuffer<float> buffer)
    {
        if (buffer.IsDense)
        {
            buffer.GetValues().CopyTo(row);
            return;
        }

        row.Clear();
        var values = buffer.GetValues();
        var indices = buffer.GetIndices();
        for (var i = 0; i < values.Length; i++)
        {
            row[indices[i]] = values[i];
        }
    }

    private static List<CategoricalBlock> ReadBlocks(DataViewSchema.Column features)
    {
        var blocks = new List<CategoricalBlock>();
        if (features.Annotations.Schema.GetColumnOrNull(AnnotationNames.CategoricalSlotRanges) is not { } column
            || column.Type is not VectorDataViewType { ItemType: NumberDataViewType n } || n.RawType != typeof(int))
        {
            return blocks;
        }

        var ranges = default(VBuffer<int>);
        features.Annotations.GetValue(AnnotationNames.CategoricalSlotRanges, ref ranges);
        var values = ranges.DenseValues().ToArray();
        for (var i = 0; i + 1 < values.Length; i += 2)
        {
            blocks.Add(new CategoricalBlock(values[i], values[i + 1] - values[i] + 1));
        }

        return blocks;
    }
}
