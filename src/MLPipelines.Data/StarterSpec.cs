using System.Text;
using System.Text.RegularExpressions;
using MLPipelines.Results;
using MLPipelines.Results.Csv;

namespace MLPipelines.Data;

/// <summary>
/// A starter pipeline for a data file (<c>mlpipe init</c>): the inferred task and schema as comments and values,
/// default preprocessing, and LightGBM, FastTree and a linear baseline on 5-fold cross-validation.
/// </summary>
public static partial class StarterSpec
{
    /// <summary>YAML text of the starter spec.</summary>
    /// <param name="dataPath">The data file, as it should be written in the spec (relative to the spec's folder).</param>
    /// <param name="pathNote">Comment after the path, e.g. where it is relative to.</param>
    public static string Create(CsvTable table, DataSchema schema, LabelInfo label, string dataPath, string pathNote = "relative to this file")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(label);
        var name = SafeName().Replace(Path.GetFileNameWithoutExtension(dataPath), "_").Trim('_');
        var task = label.Task.ToString().ToLowerInvariant();
        var features = schema.Features;
        var unused = schema.Columns.Where(c => c.Kind is ColumnKind.Text or ColumnKind.Constant).ToList();
        var sb = new StringBuilder();
        sb.AppendLine($"# Starter pipeline for {dataPath}, inferred by `mlpipe init` from {table.RowCount} rows.");
        sb.AppendLine("# Check the task and the column roles below, then: mlpipe validate THIS_FILE && mlpipe run THIS_FILE");
        sb.AppendLine($"name: {Scalar(name.Length == 0 ? "pipeline" : name)}");
        sb.AppendLine("data:");
        sb.AppendLine($"  path: {Scalar(dataPath)}    # {pathNote}");
        sb.AppendLine($"  label: {Scalar(schema.Label!.Name)}");
        sb.AppendLine($"  task: {task}    # {label.TaskReason}");
        if (label.Task == TaskKind.Regression && label.Values.Length > 0 && label.Values.Min() > 0)
        {
            sb.AppendLine("  # label_transform: log    # for a positive, skewed target (metrics are then on the log scale)");
        }

        sb.AppendLine($"  # {Count(features, ColumnKind.Numeric)} numeric, {Count(features, ColumnKind.Categorical)} categorical, " +
            $"{Count(features, ColumnKind.Boolean)} boolean feature columns");
        foreach (var column in unused)
        {
            sb.AppendLine($"  # not used: {column.Name} ({column.Reason})");
        }

        var categorical = features.Where(c => c.Kind == ColumnKind.Categorical).Select(c => Scalar(c.Name));
        sb.AppendLine("  columns:");
        sb.AppendLine("    ignore: []");
        sb.AppendLine($"    categorical: []    # inferred: [{string.Join(", ", categorical)}]");
        sb.AppendLine("    numeric: []");
        sb.AppendLine("evaluation:");
        sb.AppendLine("  method: kfold");
        sb.AppendLine("  folds: 5");
        sb.AppendLine("  repeats: 1");
        sb.AppendLine("  seed: 42");
        sb.AppendLine("preprocessing:");
        sb.AppendLine("  - impute: {numeric: median, categorical: most_frequent}");
        sb.AppendLine("  - one_hot: {max_categories: 64}");
        sb.AppendLine("models:");
        sb.AppendLine("  - {name: lightgbm, trainer: lightgbm}");
        sb.AppendLine("  - {name: fasttree, trainer: fasttree}");
        sb.AppendLine($"  - {{name: linear, trainer: sdca, preprocessing: [impute, one_hot, normalize]}}");
        sb.AppendLine("report:");
        sb.AppendLine("  formats: [json, markdown, html]");
        return sb.ToString();
    }

    private static int Count(IEnumerable<ColumnInfo> columns, ColumnKind kind) => columns.Count(c => c.Kind == kind);

    /// <summary>A YAML scalar: plain when safe, else double-quoted with escapes.</summary>
    internal static string Scalar(string value)
    {
        if (PlainScalar().IsMatch(value) && !IsYamlKeyword(value))
        {
            return value;
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    private static bool IsYamlKeyword(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "y" or "n" or "~";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainScalar();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex SafeName();
}
