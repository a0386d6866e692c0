using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Trainers.Cnn.Training;

/// <summary>
/// The training images of one fit read out of an <see cref="IDataView"/>: pixels (image after image, each
/// <c>[C, H, W]</c>) and the 0-based class index of each. Rows whose label is missing (key 0) are skipped.
/// </summary>
internal sealed class CnnTrainingData
{
    private CnnTrainingData(float[] pixels, float[] classes, int width, int classCount, int skipped)
    {
        Pixels = pixels;
        Classes = classes;
        Width = width;
        ClassCount = classCount;
        SkippedRows = skipped;
    }

    /// <summary>Row-major pixels, <see cref="Rows"/> x <see cref="Width"/>.</summary>
    public float[] Pixels { get; }

    /// <summary>Class index per image, as float (the engine's target format).</summary>
    public float[] Classes { get; }

    /// <summary>Values per image (<c>C H W</c>).</summary>
    public int Width { get; }

    public int Rows => Classes.Length;

    /// <summary>Classes of the label (its key count).</summary>
    public int ClassCount { get; }

    /// <summary>Rows left out because their label was missing.</summary>
    public int SkippedRows { get; }

    /// <summary>Checks the schema and reads every row (into one array when the view knows its row count).</summary>
    public static CnnTrainingData Read(IDataView data, string labelColumn, string featureColumn)
    {
        ArgumentNullException.ThrowIfNull(data);
        var featureCol = CnnSchema.CheckFeatures(data.Schema, featureColumn);
        var labelCol = CnnSchema.CheckLabel(data.Schema, labelColumn);
        var width = ((VectorDataViewType)featureCol.Type).Size;
        var classCount = checked((int)((KeyDataViewType)labelCol.Type).Count);
        var capacity = data.GetRowCount() is { } n && n * width < Array.MaxLength ? (int)n : 1024;
        var pixels = new float[checked(capacity * width)];
        var classes = new float[capacity];
        var rows = 0;
        var skipped = 0;
        using (var cursor = data.GetRowCursor([featureCol, labelCol]))
        {
            var getFeatures = cursor.GetGetter<VBuffer<float>>(featureCol);
            var getLabel = cursor.GetGetter<uint>(labelCol);
            var buffer = default(VBuffer<float>);
            uint key = 0;
            while (cursor.MoveNext())
            {
                getLabel(ref key);
                if (key == 0)
                {
                    skipped++;
                    continue;
                }

                if (rows == classes.Length)
                {
                    Array.Resize(ref classes, checked(rows * 2));
                    Array.Resize(ref pixels, checked(rows * 2 * width));
                }

                getFeatures(ref buffer);
                buffer.CopyTo(pixels.AsSpan(rows * width, width));
                classes[rows++] = key - 1;
            }
        }

        if (rows == 0)
        {
            throw new ArgumentException($"CNN: the training data has no rows with a label in column '{labelColumn}'.", nameof(data));
        }

        return new CnnTrainingData(rows * width == pixels.Length ? pixels : pixels[..(rows * width)], classes[..rows], width, classCount, skipped);
    }
}
