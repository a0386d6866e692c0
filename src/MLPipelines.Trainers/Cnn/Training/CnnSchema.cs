using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Trainers.Cnn.Training;

/// <summary>The input columns the CNN needs, checked before any row is read, with messages that say what was found.</summary>
internal static class CnnSchema
{
    /// <summary>The feature column: a known-size vector of <see cref="float"/> (the image's pixels).</summary>
    public static DataViewSchema.Column CheckFeatures(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"CNN: feature column '{name}' not found; the data has {Names(schema)}.");
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType item, IsKnownSize: true, Size: > 0 } || item.RawType != typeof(float))
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"CNN: feature column '{name}' must be a known-size vector of Single (the pixels of each image, [C, H, W]), got {column.Type}.");
        }

        return column;
    }

    /// <summary>The label: a key type with at least 2 values.</summary>
    public static DataViewSchema.Column CheckLabel(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"CNN: label column '{name}' not found; the data has {Names(schema)}.");
        if (column.Type is not KeyDataViewType { Count: >= 2 and <= int.MaxValue })
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"CNN: label column '{name}' must be a key type with at least 2 values (MapValueToKey), got {column.Type}.");
        }

        return column;
    }

    /// <summary>Same checks on an estimator's input <see cref="SchemaShape"/> (GetOutputSchema, before fitting).</summary>
    public static void CheckShape(SchemaShape schema, string labelColumn, string featureColumn)
    {
        var features = Find(schema, featureColumn)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"CNN: feature column '{featureColumn}' not found.");
        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"CNN: feature column '{featureColumn}' must be a known-size vector of Single, got {features.Kind} of {features.ItemType}.");
        }

        var label = Find(schema, labelColumn)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"CNN: label column '{labelColumn}' not found.");
        if (label.Kind != SchemaShape.Column.VectorKind.Scalar || !label.IsKey)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"CNN: label column '{labelColumn}' must be a key type (MapValueToKey), got {label.ItemType}{(label.IsKey ? " key" : "")}.");
        }
    }

    private static SchemaShape.Column? Find(SchemaShape schema, string name) =>
        schema.LastOrDefault(c => c.Name == name) is { Name: not null } column ? column : null;

    private static string Names(DataViewSchema schema) =>
        string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
}
