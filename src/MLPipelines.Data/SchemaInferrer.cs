using System.Globalization;
using MLPipelines.Results.Csv;

namespace MLPipelines.Data;

/// <summary>
/// Decides each column's role by scanning every value of the file (no sampling):
/// <list type="bullet">
/// <item>no value or a single distinct value: <see cref="ColumnKind.Constant"/> (not used);</item>
/// <item>every value a number: <see cref="ColumnKind.Boolean"/> when the values are exactly 0 and 1,
///   <see cref="ColumnKind.Text"/> when it is an identifier (distinct integers at least 20 rows long that are
///   consecutive or sit in a column named like <c>id</c>), else <see cref="ColumnKind.Numeric"/>;</item>
/// <item>otherwise <see cref="ColumnKind.Boolean"/> for two values such as yes/no, true/false, y/n, t/f (any case);
///   <see cref="ColumnKind.Text"/> (free text or identifiers, not used) when every value is distinct (20 rows or more),
///   or there are more than 100 distinct values making up more than half of the rows; else
///   <see cref="ColumnKind.Categorical"/>.</item>
/// </list>
/// Overrides win: <c>ignore</c>, <c>categorical</c> (values kept as text), <c>numeric</c> (every value must be a
/// number; the first that is not is reported by row and column).
/// </summary>
public static class SchemaInferrer
{
    private const int MinRowsForIdentifier = 20;
    private const int TextDistinctThreshold = 100;

    private static readonly (string True, string False)[] BooleanPairs =
        [("true", "false"), ("yes", "no"), ("y", "n"), ("t", "f")];

    /// <summary>Infers the schema of <paramref name="table"/>.</summary>
    /// <exception cref="DataFileException">A numeric override meets a value that is not a number.</exception>
    public static DataSchema Infer(CsvTable table, SchemaOverrides overrides, MissingValueSet missing)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(missing);
        var warnings = new List<string>();
        var columns = new List<ColumnInfo>(table.Header.Count);
        for (var c = 0; c < table.Header.Count; c++)
        {
            columns.Add(InferColumn(table, c, overrides, missing, warnings));
        }

        return new DataSchema(columns, warnings);
    }

    /// <summary>True when <paramref name="text"/> (trimmed) is a number in invariant culture, e.g. <c>-1.5e3</c>.</summary>
    public static bool TryParseNumber(string text, out double value) => TryParseNumber(text.AsSpan(), out value);

    /// <summary>True when <paramref name="text"/> (trimmed) is a number in invariant culture, e.g. <c>-1.5e3</c>.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && !double.IsInfinity(value);

    private static ColumnInfo InferColumn(CsvTable table, int c, SchemaOverrides overrides, MissingValueSet missing, List<string> warnings)
    {
        var stats = new ColumnStats();
        foreach (var value in table.Columns[c])
        {
            stats.Add(value.AsSpan().Trim(), missing, out _, out _);
        }

        return Decide(table.Header[c], c, stats, stats.Counts!.Count, stats.Top(5), overrides, warnings, table.Path, r => table.Lines[r]);
    }

    /// <summary>
    /// The column's kind from its <paramref name="stats"/> (the rules in the class summary); <paramref name="distinct"/>
    /// and <paramref name="top"/> are given apart for columns whose texts were not all counted.
    /// </summary>
    internal static ColumnInfo Decide(
        string name, int c, ColumnStats stats, int distinct, IReadOnlyList<(string Value, int Count)> top,
        SchemaOverrides overrides, List<string> warnings, string path, Func<int, int> lineOf)
    {
        var counts = stats.Counts;
        var numbers = stats.Numbers;
        var firstNonNumber = stats.FirstNonNumber;
        var present = stats.Present;
        var allNumbers = stats.AllNumbers;
        var info = new ColumnInfo
        {
            Name = name,
            Index = c,
            Kind = ColumnKind.Numeric,
            Reason = "",
            Missing = stats.Missing,
            Distinct = distinct,
            Top = top,
            Range = allNumbers ? (stats.Min, stats.Sum / numbers, stats.Max) : null,
            Std = allNumbers ? (numbers < 2 ? 0 : Math.Sqrt(stats.Squares / (numbers - 1))) : null,
            IsNumberInFile = allNumbers,
        };

        if (name == overrides.Label)
        {
            return info with { Kind = ColumnKind.Label, Reason = "data.label" };
        }

        if (overrides.Ignore.Contains(name))
        {
            return info with { Kind = ColumnKind.Ignored, Reason = "override: data.columns.ignore" };
        }

        if (overrides.Numeric.Contains(name))
        {
            if (firstNonNumber >= 0)
            {
                throw DataFileException.Cell(path, lineOf(firstNonNumber), firstNonNumber + 1, name,
                    $"'{stats.FirstNonNumberText}' is not a number (the column is declared in data.columns.numeric; " +
                    $"list the token in data.missing_values if it means 'missing')");
            }

            return info with { Kind = ColumnKind.Numeric, Reason = "override: data.columns.numeric", IsNumberInFile = true };
        }

        if (overrides.Categorical.Contains(name))
        {
            return info with { Kind = ColumnKind.Categorical, Reason = "override: data.columns.categorical", IsNumberInFile = false };
        }

        if (distinct == 0)
        {
            return info with { Kind = ColumnKind.Constant, Reason = "every value is missing" };
        }

        if (distinct == 1)
        {
            return info with { Kind = ColumnKind.Constant, Reason = $"a single value ('{counts!.Keys.First()}')" };
        }

        if (allNumbers)
        {
            return InferNumeric(info, stats.Integers, stats.Min, stats.Max, present);
        }

        if (numbers >= 0.95 * present && numbers > 0)
        {
            warnings.Add($"{path}: column '{name}' looks numeric but {present - numbers} value(s) are not numbers " +
                $"(first at row {firstNonNumber + 1}: '{stats.FirstNonNumberText}'); it is read as text. " +
                "Add such tokens to data.missing_values, or declare the column in data.columns.numeric to see each bad row.");
        }

        var folded = counts!.Keys.Select(k => k.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (folded.Count == 2 && BooleanTokens(folded) is { } pair)
        {
            return info with
            {
                Kind = ColumnKind.Boolean,
                Reason = $"two values, {pair.True} / {pair.False}",
                TrueToken = pair.True,
                FalseToken = pair.False,
            };
        }

        if ((distinct == present && present >= MinRowsForIdentifier)
            || (distinct > TextDistinctThreshold && distinct > present / 2))
        {
            return info with { Kind = ColumnKind.Text, Reason = $"free text or identifier ({distinct} distinct values in {present} rows); not used" };
        }

        return info with { Kind = ColumnKind.Categorical, Reason = $"text with {distinct} distinct values" };
    }

    private static ColumnInfo InferNumeric(ColumnInfo info, bool integers, double min, double max, int present)
    {
        if (info.Distinct == 2 && min == 0 && max == 1)
        {
            return info with { Kind = ColumnKind.Boolean, Reason = "numbers 0 and 1", IsNumberInFile = true };
        }

        var unique = info.Distinct == present && present >= MinRowsForIdentifier;
        if (integers && unique && (LooksLikeIdName(info.Name) || max - min + 1 == present))
        {
            return info with { Kind = ColumnKind.Text, Reason = "identifier (distinct consecutive integers or an id-like name); not used" };
        }

        return info with { Kind = ColumnKind.Numeric, Reason = "every value is a number" };
    }

    private static bool LooksLikeIdName(string name)
    {
        var n = name.Trim().ToLowerInvariant();
        return n is "id" or "index" or "row" or "rowid" or "row_id" or "unnamed: 0" or "column_1"
            || n.EndsWith("_id", StringComparison.Ordinal) || n.EndsWith(" id", StringComparison.Ordinal)
            || (name.EndsWith("ID", StringComparison.Ordinal) && name.Length > 2)
            || (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2);
    }

    private static (string True, string False)? BooleanTokens(IEnumerable<string> values)
    {
        var pair = values.ToArray();
        foreach (var (t, f) in BooleanPairs)
        {
            if (Is(pair[0], t) && Is(pair[1], f))
            {
                return (pair[0], pair[1]);
            }

            if (Is(pair[1], t) && Is(pair[0], f))
            {
                return (pair[1], pair[0]);
            }
        }

        return null;

        static bool Is(string value, string token) => string.Equals(value, token, StringComparison.OrdinalIgnoreCase);
    }
}
