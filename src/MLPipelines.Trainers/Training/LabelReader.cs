using Microsoft.ML;
using MLPipelines.Results;

namespace MLPipelines.Trainers.Training;

/// <summary>
/// Reads a checked label column row by row as one float target (shared by the MLP and XGBoost trainers): 0/1 for a
/// Boolean (binary) label, the 0-based class index for a key (multiclass) label, the value for a Single
/// (regression) label; NaN for a missing label (key 0, NaN or infinite value), so the caller can skip the row.
/// </summary>
internal static class LabelReader
{
    public static Func<float> For(DataViewRowCursor cursor, DataViewSchema.Column label, TaskKind task)
    {
        switch (task)
        {
            case TaskKind.Binary:
            {
                var get = cursor.GetGetter<bool>(label);
                var value = false;
                return () =>
                {
                    get(ref value);
                    return value ? 1f : 0f;
                };
            }

            case TaskKind.Multiclass:
            {
                var get = cursor.GetGetter<uint>(label);
                uint key = 0;
                return () =>
                {
                    get(ref key);
                    return key == 0 ? float.NaN : key - 1;
                };
            }

            default:
            {
                var get = cursor.GetGetter<float>(label);
                var value = 0f;
                return () =>
                {
                    get(ref value);
                    return float.IsFinite(value) ? value : float.NaN;
                };
            }
        }
    }
}
