using System.Globalization;
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
/// count is that of their float values and their top values are those of the first rows.
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
            var head = CsvTable.ReadHead(path, sampleRows + 1, separator);
            if (head.RowCount <= sampleRows || overrides.Label is not { } label || head.IndexOf(label) < 0)
            {
                return null;
            }

            var sample = SchemaInferrer.Infer(head, overrides, missing);
            if (sample.Columns.Any(c => c.Kind is ColumnKind.Text or ColumnKind.Constant))
            {
                return null;
            }

            return Stream(path, separator, sample, overrides, missing, maxCountedTexts);
        }
        catch (DataFileException)
        {
            return null; // the whole-file reader reports it, with the messages it always gave
        }
    }

    private static (CsvTable, DataSchema, IReadOnlyDictionary<int, float[]>)? Stream(
        string path, char? separator, DataSchema sample, SchemaOverrides overrides, MissingValueSet missing, int maxCountedTexts)
    {
        using var stream = CsvRecordStream.Open(path, separator);
        var n = stream.Header.Count;
        var asNumber = sample.Columns.Select(c => c.IsNumberInFile && c.Kind is not ColumnKind.Label and not ColumnKind.Ignored).ToArray();
        var asText = sample.Columns.Select(c => c.Kind is ColumnKind.Label || (c.IsFeature && !c.IsNumberInFile)).ToArray();
        var stats = sample.Columns.Select(c => new ColumnStats(asText[c.Index] ? int.MaxValue : maxCountedTexts)).ToArray();
        var floats = new List<float>?[n];
        var texts = new List<string>?[n];
        for (var c = 0; c < n; c++)
        {
            floats[c] = asNumber[c] ? [] : null;
            texts[c] = asText[c] ? [] : null;
        }

        var lines = new List<int>();
        while (stream.MoveNext())
        {
            lines.Add(stream.Line);
            for (var c = 0; c < n; c++)
            {
                var field = stream[c];
                var trimmed = field.Trim();
                var value = stats[c].Add(trimmed, missing, out var isMissing, out var isNumber);
                if (floats[c] is { } numbers)
                {
                    if (isMissing)
                    {
                        numbers.Add(float.NaN);
                    }
                    else if (!isNumber)
                    {
                        return null; // text in a number column: the whole file decides
                    }
                    else
                    {
                        numbers.Add(float.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture));
                    }
                }
                else if (texts[c] is { } strings)
                {
                    strings.Add(value is not null && field.Length == trimmed.Length ? value : field.ToString());
                }
            }
        }

        var lineArray = lines.ToArray();
        var warnings = new List<string>();
        var columns = new List<ColumnInfo>(n);
        var store = new Dictionary<int, float[]>();
        for (var c = 0; c < n; c++)
        {
            var s = stats[c];
            var values = floats[c]?.ToArray();
            if (values is not null)
            {
                store[c] = values;
                floats[c] = null;
            }

            int distinct;
            IReadOnlyList<(string Value, int Count)> top;
            if (s.Counts is { } counts)
            {
                (distinct, top) = (counts.Count, s.Top(5));
            }
            else if (values is not null && !s.Integers)
            {
                (distinct, top) = (DistinctFloats(values), sample.Columns[c].Top);
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

        var text = texts.Select(t => t?.ToArray() ?? []).ToArray();
        return (CsvTable.FromRead(path, stream.Separator, stream.Header, text, lineArray), new DataSchema(columns, warnings), store);
    }

    private static int DistinctFloats(float[] values)
    {
        var sorted = values.Where(v => !float.IsNaN(v)).ToArray();
        Array.Sort(sorted);
        var distinct = sorted.Length == 0 ? 0 : 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            distinct += sorted[i] != sorted[i - 1] ? 1 : 0;
        }

        return distinct;
    }
}
