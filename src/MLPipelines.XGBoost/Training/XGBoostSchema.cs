using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;

namespace MLPipelines.XGBoost.Training;

/// <summary>The columns the XGBoost trainer needs, checked before any row is read, with messages that say what was found.</summary>
internal static class XGBoostSchema
{
    /// <summary>The feature column's width; it must be a known-size vector of <see cref="float"/>.</summary>
    public static int CheckFeatures(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"XGBoost: feature column '{name}' not found; the data has {Names(schema)}.");
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType item, IsKnownSize: true, Size: > 0 } vector || item.RawType != typeof(float))
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"XGBoost: feature column '{name}' must be a known-size vector of Single (e.g. from Concatenate), got {column.Type}.");
        }

        return vector.Size;
    }

    /// <summary>The label: <see cref="bool"/> (binary), key with 2+ values (multiclass) or <see cref="float"/> (regression).</summary>
    public static DataViewSchema.Column CheckLabel(DataViewSchema schema, string name, TaskKind task)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"XGBoost: label column '{name}' not found; the data has {Names(schema)}.");
        var ok = task switch
        {
            TaskKind.Binary => column.Type is BooleanDataViewType,
            TaskKind.Multiclass => column.Type is KeyDataViewType { Count: >= 2 and <= int.MaxValue },
            _ => column.Type == NumberDataViewType.Single,
        };
        return ok ? column : throw new ArgumentOutOfRangeException(nameof(schema),
            $"XGBoost ({YamlName(task)}): label column '{name}' must be {Expected(task)}, got {column.Type}.");
    }

    /// <summary>The same checks on an estimator's input <see cref="SchemaShape"/> (GetOutputSchema, before fitting).</summary>
    public static void CheckShape(SchemaShape schema, string labelColumn, string featureColumn, TaskKind task)
    {
        var features = schema.LastOrDefault(c => c.Name == featureColumn);
        if (features.Name is null)
        {
            throw new ArgumentOutOfRangeException(nameof(schema), $"XGBoost: feature column '{featureColumn}' not found.");
        }

        if (features.Kind != SchemaShape.Column.VectorKind.Vector || features.ItemType != NumberDataViewType.Single)
        {
            throw new ArgumentOutOfRangeException(nameof(schema),
                $"XGBoost: feature column '{featureColumn}' must be a known-size vector of Single, got {features.Kind} of {features.ItemType}.");
        }

        var label = schema.LastOrDefault(c => c.Name == labelColumn);
        if (label.Name is null)
        {
            throw new ArgumentOutOfRangeException(nameof(schema), $"XGBoost: label column '{labelColumn}' not found.");
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
                $"XGBoost ({YamlName(task)}): label column '{labelColumn}' must be {Expected(task)}, got {label.ItemType}{(label.IsKey ? " key" : "")}.");
        }
    }

    private static string Expected(TaskKind task) => task switch
    {
        TaskKind.Binary => "Boolean",
        TaskKind.Multiclass => "a key type with at least 2 values (MapValueToKey)",
        _ => "Single",
    };

    private static string YamlName(TaskKind task) => task.ToString().ToLowerInvariant();

    private static string Names(DataViewSchema schema) =>
        string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"));
}
