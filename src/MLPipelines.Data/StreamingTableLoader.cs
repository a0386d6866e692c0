using MLPipelines.Results.Csv;

namespace MLPipelines.Data;

/// <summary>
/// Reads a large data file without a string per cell: the schema is inferred from the first rows, then one streaming
/// pass parses numeric features straight into floats, keeps the label and text features as text (one string per
/// distinct value), and gathers every column's statistics over all rows. Whenever the whole file could decide
/// differently from the first rows (a column the sample calls text, identifier or constant; a number column meeting
/// text; a kind that changes), or the file has an error, it gives up (null) and the caller reads the file whole, so
/// the schema, values and error messages are those of <see cref="CsvTable.Read"/> and <see cref="SchemaInferrer"/>.
/// One difference, on numeric columns with more than <see cref="MaxCountedTexts"/> distinct texts: their distinct
/// count and top values are those of their float values (a top value written as the float's shortest text).
/// </summary>
internal static class StreamingTableLoader
{
    /// <summary>Files at least this large are streamed (smaller ones are read whole: the old path, exactly).</summary>
    public const long MinBytes = 64L << 20;

    /// <summary>Rows the schema is first inferred from.</summary>
    public const int SampleRows = 100_000;

    /// <summary>Distinct texts of a number column counted exactly.</summary>
    public const int MaxCountedTexts = 4096;

    /// <summary>The table (label and text columns as text, the others empty), its schema and the number columns' floats; null = read it whole.</summary>
    public static (CsvTable Table, DataSchema Schema, IReadOnlyDictionary<int, float[]> Numbers)? TryLoad(
        string path, char? separator, SchemaOverrides overrides, MissingValueSet missing, int sampleRows = SampleRows, int maxCountedTexts = MaxCountedTexts)
    {
        try
        {
            if (overrides.Label is not { } label || Sample(path, separator, overrides, missing, sampleRows, maxCountedTexts, label) is not var (sample, bytesPerRow)
                || sample.Columns.Any(c => c.Kind is ColumnKind.Text or ColumnKind.Constant))
            {
                return null;
            }

            return Stream(path, separator, sample, bytesPerRow, overrides, missing, maxCountedTexts);
        }
        catch (DataFileException)
        {
            return null; // the whole-file reader reports it, with the messages it always gave
        }
    }

    /// <summary>
    /// <see cref="SchemaInferrer.Infer"/>'s kinds for the first <paramref name="sampleRows"/> + 1 rows, without a
    /// string per cell (columns of fractions stop counting their texts past <paramref name="maxCountedTexts"/>), and
    /// the file's bytes per row so far; null when the file has no more rows or no <paramref name="label"/>.
    /// </summary>
    private static (DataSchema Schema, double BytesPerRow)? Sample(
        string path, char? separator, SchemaOverrides overrides, MissingValueSet missing, int sampleRows, int maxCountedTexts, string label)
    {
        using var stream = CsvRecordStream.Open(path, separator);
        if (!stream.Header.Contains(label))
        {
            return null;
        }

        var n = stream.Header.Count;
        var stats = stream.Header.Select(name => name == label || overrides.Ignore.Contains(name)
            ? new ColumnStats()
            : new ColumnStats(maxCountedTexts, limitFractionsOnly: true)).ToArray();
        var lines = new List<int>();
        var none = new float[]?[n];
        var noTexts = new string[]?[n];
        while (lines.Count <= sampleRows && stream.MoveNext())
        {
            lines.Add(stream.Line);
            AddRow(stream, stats, none, noTexts, lines.Count - 1, missing);
        }

        if (lines.Count <= sampleRows)
        {
            return null;
        }

        var warnings = new List<string>();
        var columns = new List<ColumnInfo>(n);
        for (var c = 0; c < n; c++)
        {
            var s = stats[c];
            if (s.Counts is null && !(s.AllNumbers && !s.Integers))
            {
                return null; // a text met after counting stopped
            }

            // Uncounted columns hold fractions only: numeric whatever their count (the full pass counts them).
            var (distinct, top) = s.Counts is { } counts ? (counts.Count, s.Top(5)) : (maxCountedTexts + 1, []);
            columns.Add(SchemaInferrer.Decide(stream.Header[c], c, s, distinct, top, overrides, warnings, path, r => lines[r]));
        }

        return (new DataSchema(columns, warnings), (double)stream.BytesRead / lines.Count);
    }

    private static (CsvTable, DataSchema, IReadOnlyDictionary<int, float[]>)? Stream(
        string path, char? separator, DataSchema sample, double bytesPerRow, SchemaOverrides overrides, MissingValueSet missing, int maxCountedTexts)
    {
        using var stream = CsvRecordStream.Open(path, separator);
        var n = stream.Header.Count;
        var asNumber = sample.Columns.Select(c => c.IsNumberInFile && c.Kind is not ColumnKind.Label and not ColumnKind.Ignored).ToArray();
        var asText = sample.Columns.Select(c => c.Kind is ColumnKind.Label || (c.IsFeature && !c.IsNumberInFile)).ToArray();
        var stats = sample.Columns.Select(c => new ColumnStats(asText[c.Index] ? int.MaxValue : maxCountedTexts)).ToArray();

        // Arrays sized from the sample's bytes per row (a little over), grown if short and cut to length at the end.
        var capacity = bytesPerRow > 0 ? (int)Math.Min(Array.MaxLength, new FileInfo(path).Length / bytesPerRow * 1.02 + 1024) : 1 << 16;
        var floats = new float[]?[n];
        var texts = new string[]?[n];
        for (var c = 0; c < n; c++)
        {
            floats[c] = asNumber[c] ? new float[capacity] : null;
            texts[c] = asText[c] ? new string[capacity] : null;
        }

        var lines = new int[capacity];
        var rows = 0;
        while (stream.MoveNext())
        {
            if (rows == lines.Length)
            {
                capacity = (int)Math.Min(Array.MaxLength, capacity * 1.5);
                Resize(ref lines, floats, texts, capacity);
            }

            lines[rows] = stream.Line;
            if (!AddRow(stream, stats, floats, texts, rows, missing))
            {
                return null; // text in a number column: the whole file decides
            }

            rows++;
        }

        Resize(ref lines, floats, texts, rows);
        var lineArray = lines;
        var warnings = new List<string>();
        var columns = new List<ColumnInfo>(n);
        uint[] keys = [], spare = [];
        var store = new Dictionary<int, float[]>();
        for (var c = 0; c < n; c++)
        {
            var s = stats[c];
            var values = floats[c];
            if (values is not null)
            {
                store[c] = values;
            }

            int distinct;
            IReadOnlyList<(string Value, int Count)> top;
            if (s.Counts is { } counts)
            {
                (distinct, top) = (counts.Count, s.Top(5));
            }
            else if (values is not null && !s.Integers)
            {
                (distinct, top) = FloatValueCounts.Of(values, ref keys, ref spare);
            }
            else if (sample.Columns[c].Kind is ColumnKind.Ignored)
            {
                (distinct, top) = (sample.Columns[c].Distinct, sample.Columns[c].Top);
            }
            else
            {
                return null; // many distinct integers: only exact counting tells an identifier
            }

            var column = SchemaInferrer.Decide(stream.Header[c], c, s, distinct, top, overrides, warnings, path, r => lineArray[r]);
            if (column.Kind != sample.Columns[c].Kind || column.IsNumberInFile != sample.Columns[c].IsNumberInFile)
            {
                return null;
            }

            columns.Add(column);
        }

        var text = texts.Select(t => t ?? []).ToArray();
        return (CsvTable.FromRead(path, stream.Separator, stream.Header, text, lineArray), new DataSchema(columns, warnings), store);
    }

    /// <summary>
    /// Adds the current record to each column's statistics and, for a column that has one, to its float or string
    /// array at <paramref name="row"/>; false when a float column meets text. A plain line is split here, one field
    /// after the other: a column no longer counting its texts reads a number in the same pass that finds the
    /// field's end (an empty field is missing), unless the field could be a missing-value token; every other field
    /// goes through <see cref="ColumnStats.Add(ReadOnlySpan{char}, MissingValueSet, out bool, out bool, out float)"/>.
    /// </summary>
    private static bool AddRow(CsvRecordStream stream, ColumnStats[] stats, float[]?[] floats, string[]?[] texts, int row, MissingValueSet missing)
    {
        var n = stats.Length;
        if (!stream.IsPlain)
        {
            for (var c = 0; c < n; c++)
            {
                if (!Add(stats[c], floats[c], texts[c], row, stream[c], missing))
                {
                    return false;
                }
            }

            return true;
        }

        var line = stream.PlainLine;
        var separator = stream.Separator;
        var start = 0;
        for (var c = 0; c < n; c++)
        {
            var s = stats[c];
            if (s.Counts is null)
            {
                if (start == line.Length || line[start] == separator)
                {
                    s.AddMissing();
                    floats[c]?[row] = float.NaN;
                    start++;
                    continue;
                }

                if (missing.StartsNoToken(line[start]) && NumberParser.TryParseField(line, start, separator, out var end, out var x, out var single))
                {
                    s.AddUncounted(x);
                    floats[c]?[row] = single;
                    start = end + 1;
                    continue;
                }
            }

            var length = c == n - 1 ? line.Length - start : line[start..].IndexOf(separator);
            if (!Add(s, floats[c], texts[c], row, line.Slice(start, length), missing))
            {
                return false;
            }

            start += length + 1;
        }

        return true;
    }

    /// <summary>Row <paramref name="row"/>'s <paramref name="field"/> of one column; false when a number column meets text (the whole file decides).</summary>
    private static bool Add(ColumnStats stats, float[]? numbers, string[]? strings, int row, ReadOnlySpan<char> field, MissingValueSet missing)
    {
        var trimmed = field.Trim();
        var value = stats.Add(trimmed, missing, out var isMissing, out var isNumber, out var number);
        if (numbers is not null)
        {
            if (!isMissing && !isNumber)
            {
                return false;
            }

            numbers[row] = isMissing ? float.NaN : number;
        }
        else if (strings is not null)
        {
            strings[row] = value is not null && field.Length == trimmed.Length ? value : field.ToString();
        }

        return true;
    }

    private static void Resize(ref int[] lines, float[]?[] floats, string[]?[] texts, int length)
    {
        if (lines.Length == length)
        {
            return;
        }

        Array.Resize(ref lines, length);
        for (var c = 0; c < floats.Length; c++)
        {
            if (floats[c] is not null)
            {
                Array.Resize(ref floats[c], length);
            }

            if (texts[c] is not null)
            {
                Array.Resize(ref texts[c], length);
            }
        }
    }
}
