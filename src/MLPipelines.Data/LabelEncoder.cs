using System.Globalization;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Data;

/// <summary>
/// Reads the label column: drops rows whose label is missing (counted, and reported as a warning), infers the task
/// when the spec leaves it out, orders the classes and encodes each row.
/// </summary>
/// <remarks>
/// Task inference: two distinct values = binary; numbers = regression, except integers with at most
/// <see cref="MaxInferredIntegerClasses"/> distinct values = multiclass; any other text = multiclass.
/// Class order: numeric order when every class is a number, else ordinal string order. The positive class of a
/// binary task is the true-like value of a true/false, yes/no, y/n, t/f or 1/0 pair, else the second class in that
/// order (the scikit-learn convention: <c>No</c>/<c>Yes</c> gives <c>Yes</c>, <c>bad</c>/<c>good</c> gives
/// <c>good</c>); <c>data.positive_class</c> overrides it.
/// </remarks>
public static class LabelEncoder
{
    /// <summary>Integer labels with this many distinct values or fewer are read as classes when the task is not given.</summary>
    public const int MaxInferredIntegerClasses = 20;

    /// <summary>More classes than this is almost certainly a mistake (an ID or a numeric target read as text).</summary>
    public const int MaxClasses = 1000;

    private static readonly string[] TrueTokens = ["1", "true", "yes", "y", "t"];
    private static readonly string[] FalseTokens = ["0", "false", "no", "n", "f"];

    /// <summary>Encodes column <paramref name="labelIndex"/> of <paramref name="table"/>.</summary>
    /// <param name="positiveClass">Binary only: the class to score as positive (<c>data.positive_class</c>); null = the rule above.</param>
    /// <exception cref="DataFileException">Unusable label values, each reported by row and column; a positive class that is not a label value or a task that is not binary.</exception>
    public static LabelInfo Encode(
        CsvTable table, int labelIndex, TaskKind? task, LabelTransform transform, MissingValueSet missing, string? positiveClass = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(missing);
        var name = table.Header[labelIndex];
        var raw = table.Columns[labelIndex];
        var rows = new List<int>(raw.Length);
        var original = new List<string>(raw.Length);
        for (var r = 0; r < raw.Length; r++)
        {
            var v = raw[r].Trim();
            if (!missing.IsMissing(v))
            {
                rows.Add(r);
                original.Add(v);
            }
        }

        if (rows.Count == 0)
        {
            throw DataFileException.File(table.Path, $"label column '{name}' has no values (every row is missing it)");
        }

        var distinct = original.Distinct(StringComparer.Ordinal).ToList();
        var allNumbers = distinct.All(v => SchemaInferrer.TryParseNumber(v, out _));
        var reason = "data.task";
        if (task is null)
        {
            (task, reason) = Infer(distinct, allNumbers);
        }

        var dropped = raw.Length - rows.Count;
        if (positiveClass is not null && task != TaskKind.Binary)
        {
            throw DataFileException.ForKey("data.positive_class", $"applies to binary tasks only, but the task is {Lower(task.Value)} ({reason})");
        }

        if (task == TaskKind.Regression)
        {
            return EncodeRegression(table, labelIndex, transform, rows, original, dropped, reason);
        }

        if (transform != LabelTransform.None)
        {
            throw DataFileException.ForKey("data.label_transform", $"log applies to regression only, but the task is {Lower(task.Value)} ({reason})");
        }

        return EncodeClasses(table, name, task.Value, rows, original, distinct, allNumbers, dropped, reason, positiveClass);
    }

    private static (TaskKind, string) Infer(List<string> distinct, bool allNumbers)
    {
        if (distinct.Count == 2)
        {
            return (TaskKind.Binary, "inferred: the label has 2 distinct values");
        }

        if (!allNumbers)
        {
            return (TaskKind.Multiclass, $"inferred: the label is text with {distinct.Count} distinct values");
        }

        var integers = distinct.All(v => SchemaInferrer.TryParseNumber(v, out var x) && x == Math.Floor(x));
        return integers && distinct.Count <= MaxInferredIntegerClasses
            ? (TaskKind.Multiclass, $"inferred: the label has {distinct.Count} distinct integer values (set data.task: regression to predict them as numbers)")
            : (TaskKind.Regression, $"inferred: the label is numeric with {distinct.Count} distinct values");
    }

    private static LabelInfo EncodeClasses(
        CsvTable table, string name, TaskKind task, List<int> rows, List<string> original, List<string> distinct,
        bool allNumbers, int dropped, string reason, string? positiveClass)
    {
        if (distinct.Count < 2)
        {
            throw DataFileException.File(table.Path, $"label column '{name}' has a single value ('{distinct[0]}'); there is nothing to learn");
        }

        if (task == TaskKind.Binary && distinct.Count != 2)
        {
            throw DataFileException.ForKey("data.task", $"binary needs exactly 2 label values, but '{name}' in {table.Path} has {distinct.Count}: {Sample(distinct)}; use multiclass");
        }

        if (distinct.Count > MaxClasses)
        {
            throw DataFileException.ForKey("data.task", $"label '{name}' in {table.Path} has {distinct.Count} distinct values, more than {MaxClasses} classes; is it an identifier, or a regression target (data.task: regression)?");
        }

        var classes = allNumbers
            ? [.. distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ThenBy(v => v, StringComparer.Ordinal)]
            : distinct.Order(StringComparer.Ordinal).ToList();
        string? positive = null, negative = null;
        if (task == TaskKind.Binary)
        {
            if (positiveClass is not null && !classes.Contains(positiveClass))
            {
                throw DataFileException.ForKey("data.positive_class", $"'{positiveClass}' is not a value of label '{name}' in {table.Path} ({Sample(classes)}){NameSuggester.DidYouMean(positiveClass, classes)}");
            }

            var trueIndex = positiveClass is null ? TrueLikeIndex(classes) : classes.IndexOf(positiveClass);
            if (trueIndex == 0)
            {
                (classes[0], classes[1]) = (classes[1], classes[0]);
            }

            negative = classes[0];
            positive = classes[1];
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < classes.Count; i++)
        {
            index[classes[i]] = i;
        }

        return new LabelInfo
        {
            Task = task,
            Classes = classes,
            PositiveClass = positive,
            NegativeClass = negative,
            Rows = [.. rows],
            Original = [.. original],
            ClassIndex = [.. original.Select(v => index[v])],
            DroppedMissing = dropped,
            TaskReason = reason,
        };
    }

    private static LabelInfo EncodeRegression(
        CsvTable table, int labelIndex, LabelTransform transform, List<int> rows, List<string> original, int dropped, string reason)
    {
        var values = new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (!SchemaInferrer.TryParseNumber(original[i], out var x))
            {
                throw DataFileException.Cell(table.Path, table.Lines[r], r + 1, table.Header[labelIndex],
                    $"'{original[i]}' is not a number, but the task is regression ({reason})");
            }

            if (transform == LabelTransform.Log)
            {
                if (x <= 0)
                {
                    throw DataFileException.Cell(table.Path, table.Lines[r], r + 1, table.Header[labelIndex],
                        $"{original[i]} is not positive, so data.label_transform: log cannot take its logarithm");
                }

                x = Math.Log(x);
            }

            values[i] = (float)x;
        }

        return new LabelInfo
        {
            Task = TaskKind.Regression,
            Transform = transform,
            Rows = [.. rows],
            Original = [.. original],
            Values = values,
            DroppedMissing = dropped,
            TaskReason = reason,
        };
    }

    /// <summary>0 or 1 when the two classes form a true/false-like pair and that one is the true-like one; else -1.</summary>
    private static int TrueLikeIndex(List<string> classes)
    {
        for (var i = 0; i < 2; i++)
        {
            var t = Array.FindIndex(TrueTokens, x => string.Equals(x, classes[i], StringComparison.OrdinalIgnoreCase));
            var f = Array.FindIndex(FalseTokens, x => string.Equals(x, classes[1 - i], StringComparison.OrdinalIgnoreCase));
            if (t >= 0 && t == f)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Sample(List<string> values) =>
        string.Join(", ", values.Take(5).Select(v => $"'{v}'")) + (values.Count > 5 ? ", ..." : "");

    private static string Lower(TaskKind task) => task.ToString().ToLowerInvariant();
}
