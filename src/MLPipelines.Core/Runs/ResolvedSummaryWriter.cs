using System.Globalization;
using System.Text;
using MLPipelines.Core.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Fallback <c>resolved.yaml</c> writer used when no spec writer is supplied (<see cref="RunOptions.ResolvedSpecWriter"/>):
/// the resolved values of every section, in the format's key names.
/// </summary>
internal static class ResolvedSummaryWriter
{
    public static void Write(PipelineSpec spec, string path)
    {
        var sb = new StringBuilder();
        sb.AppendLine("version: 1");
        sb.AppendLine($"name: {Scalar(spec.Name)}");
        sb.AppendLine("data:");
        sb.AppendLine($"  path: {Scalar(spec.Data.Path)}");
        sb.AppendLine($"  label: {Scalar(spec.Data.Label)}");
        sb.AppendLine($"  task: {spec.Data.Task?.ToString().ToLowerInvariant() ?? "null"}");
        sb.AppendLine($"  label_transform: {spec.Data.LabelTransform.ToString().ToLowerInvariant()}");
        sb.AppendLine($"  separator: {(spec.Data.Separator is { } s ? Scalar(s.ToString()) : "auto")}");
        sb.AppendLine($"  missing_values: [{string.Join(", ", spec.Data.MissingValues.Select(Scalar))}]");
        sb.AppendLine("  columns:");
        sb.AppendLine($"    ignore: [{string.Join(", ", spec.Data.Columns.Ignore.Select(Scalar))}]");
        sb.AppendLine($"    categorical: [{string.Join(", ", spec.Data.Columns.Categorical.Select(Scalar))}]");
        sb.AppendLine($"    numeric: [{string.Join(", ", spec.Data.Columns.Numeric.Select(Scalar))}]");
        var e = spec.Evaluation;
        sb.AppendLine("evaluation:");
        sb.AppendLine($"  method: {(e.Method == EvaluationMethod.Holdout ? "holdout" : "kfold")}");
        sb.AppendLine($"  folds: {e.Folds}");
        sb.AppendLine($"  repeats: {e.Repeats}");
        sb.AppendLine($"  stratify: {(e.Stratify is { } st ? st.ToString().ToLowerInvariant() : "null")}");
        sb.AppendLine($"  test_fraction: {e.TestFraction.ToString(CultureInfo.InvariantCulture)}");
        sb.AppendLine($"  seed: {e.Seed}");
        sb.AppendLine($"  primary_metric: {e.PrimaryMetric ?? "null"}");
        sb.AppendLine("preprocessing:");
        AppendSteps(sb, spec.Preprocessing, "  ");
        sb.AppendLine("models:");
        foreach (var model in spec.Models)
        {
            sb.AppendLine($"  - name: {Scalar(model.Name)}");
            sb.AppendLine($"    trainer: {Scalar(model.Trainer)}");
            if (model.Preprocessing is not null)
            {
                sb.AppendLine("    preprocessing:");
                AppendSteps(sb, model.Preprocessing, "      ");
            }

            sb.AppendLine($"    options: {{{string.Join(", ", model.Options.Select(kv => $"{kv.Key}: {Value(kv.Value)}"))}}}");
        }

        sb.AppendLine("report:");
        sb.AppendLine($"  formats: [{string.Join(", ", spec.Report.Formats)}]");
        sb.AppendLine($"  baseline: {(spec.Report.Baseline is null ? "null" : Scalar(spec.Report.Baseline))}");
        File.WriteAllText(path, sb.ToString());
    }

    private static void AppendSteps(StringBuilder sb, IEnumerable<PreprocessingStepSpec> steps, string indent)
    {
        foreach (var step in steps)
        {
            sb.AppendLine($"{indent}- {step.Kind}: {{{string.Join(", ", step.Options.Select(kv => $"{kv.Key}: {Value(kv.Value)}"))}}}");
        }
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => Scalar(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<object> list => $"[{string.Join(", ", list.Select(Value))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static string Scalar(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
