using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;

namespace MLPipelines.Trainers.Mlp.Training;

/// <summary>The input columns the MLP needs, checked before any row is read, with messages that say what was found.</summary>
internal static class MlpSchema
{
    /// <summary>The feature column: a known-size vector of <see cref="float"/>.</summary>
    public static DataViewSchema.Column CheckFeatures(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"MLP: feature column '{name}' not found; the data has {Names(schema)}.");
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType item, IsKnownSize: true, Size: > 0 } || item.RawType != typeof(float))
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"MLP: feature column '{name}' must be a known-size vector of Single (e.g. from Concatenate), got {column.Type}.");
        }

        return column;
    }

    /// <summary>The label: <see cref="bool"/> (binary), key (multiclass, 2+ values) or <see cref="float"/> (regression).</summary>
    public static DataViewSchema.Column CheckLabel(DataViewSchema schema, string name, TaskKind task)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"MLP: label column '{name}' not found; the data has {Names(schema)}.");
        var ok = task switch
        {
            TaskKind.Binary => column.Type is BooleanDataViewType,
            TaskKind.Multiclass => column.Type is KeyDataViewType { Count: >= 2 and <= int.MaxValue },
            _ => column.Type == NumberDataViewType.Single,
        };
        if (!ok)
        {
            var expected = task switch
            {
                TaskKind.Binary => "Boolean",
                TaskKind.Multiclass => "a key type with at least 2 values (MapValueToKey)",
                _ => "Single",
            };
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"MLP ({task.ToString().ToLowerInvariant()}): label column '{name}' must be {expected}, got {column.Type}.");
        }

        return column;
    }

    /// <summary>Same checks on an estimator's input <see cref="SchemaShape"/> (GetOutputSchema, before fitting).</summary>
    public static void CheckShape(SchemaShape schema, string labelColumn, string featureColumn, TaskKind task)
    {
        if (Find(schema, featureColumn) is not { } features)
        {
            throw new ArgumentOutOfRangeException(nameof(schema), $"MLP: feature column '{featureColumn}' not found.");
        }

        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"MLP: feature column '{featureColumn}' must be a known-size vector of Single, got {features.Kind} of {features.ItemType}.");
        }

        if (Find(schema, labelColumn) is not { } label)
        {
            throw new ArgumentOutOfRangeException(nameof(schema), $"MLP: label column '{labelColumn}' not found.");
        }

        var ok = label.Kind == SchemaShape.Column.VectorKind.Scalar && task switch
        {
            TaskKind.Binary => label.ItemType is BooleanDataViewType,
            TaskKind.Multiclass => label.IsKey,
            _ => label.ItemType == NumberDataViewType.Single,
        };
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"MLP ({task.ToString().ToLowerInvariant()}): label column '{labelColumn}' has the wrong type ({label.ItemType}{(label.IsKey ? " key" : "")}).");
        }
    }

    /// <summary>The last column named <paramref name="name"/> (later columns hide earlier ones), or null.</summary>
    public static SchemaShape.Column? Find(SchemaShape schema, string name) =>
        schema.LastOrDefault(c => c.Name == name) is { Name: not null } column ? column : null;

    private static string Names(DataViewSchema schema) =>
        string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
}
