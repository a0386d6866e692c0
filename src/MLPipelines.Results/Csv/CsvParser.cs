using System.Text;

namespace MLPipelines.Results.Csv;

/// <summary>
/// RFC 4180 reader: a header row, fields separated by one character, fields optionally quoted with <c>"</c>
/// (a doubled <c>""</c> inside quotes is one quote; quoted fields may hold separators and line breaks), LF or CRLF
/// line ends, an optional UTF-8 byte-order mark. Blank lines are skipped. Every row must have as many fields as the
/// header.
/// </summary>
internal static class CsvParser
{
    private const int DefaultBufferChars = 1 << 16;

    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    public static IReadOnlyList<string> ReadHeader(string path, char? separator)
    {
        using var reader = Open(path);
        var (sep, source) = Start(reader, path, separator);
        var fields = new List<string>();
        var record = new CsvRecordReader(source, sep, path);
        if (!record.Next(fields))
        {
            throw DataFileException.File(path, "file is empty (no header row)");
        }

        return CheckHeader(path, fields);
    }

    public static CsvTable Read(string path, char? separator)
    {
        using var reader = Open(path);
        return Read(reader, path, separator);
    }

    public static CsvTable ReadHead(string path, char? separator, int maxRows)
    {
        using var reader = Open(path, checkMemory: false);
        return Read(reader, path, separator, DefaultBufferChars, maxRows);
    }

    /// <param name="bufferChars">Characters read at a time (tests make it tiny to cross block ends everywhere).</param>
    public static CsvTable Parse(TextReader text, string source, char? separator, int bufferChars = DefaultBufferChars)
    {
        using (text)
        {
            return Read(text, source, separator, bufferChars);
        }
    }

    private static CsvTable Read(TextReader reader, string path, char? separator, int bufferChars = DefaultBufferChars, int maxRows = int.MaxValue)
    {
        var (sep, source) = Start(reader, path, separator, bufferChars);
        var record = new CsvRecordReader(source, sep, path);
        var fields = new List<string>();
        if (!record.Next(fields))
        {
            throw DataFileException.File(path, "file is empty (no header row)");
        }

        var header = CheckHeader(path, fields);
        var columns = new List<string>[header.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = [];
        }

        var lines = new List<int>();
        while (lines.Count < maxRows)
        {
            if (!record.Next(fields))
            {
                break;
            }

            if (fields.Count == 1 && fields[0].Length == 0 && header.Count > 1)
            {
                continue; // blank line
            }

            if (fields.Count != header.Count)
            {
                var what = fields.Count < header.Count ? "too few" : "too many";
                throw DataFileException.Row(path, record.StartLine, lines.Count + 1,
                    $"{what} fields: {fields.Count}, but the header has {header.Count} (separator '{Show(sep)}')");
            }

            lines.Add(record.StartLine);
            for (var c = 0; c < fields.Count; c++)
            {
                columns[c].Add(fields[c]);
            }
        }

        if (lines.Count == 0)
        {
            throw DataFileException.File(path, "file has a header but no data rows");
        }

        // One column at a time, each list dropped once copied: a large table is not held three times over.
        var arrays = new string[columns.Length][];
        for (var c = 0; c < columns.Length; c++)
        {
            arrays[c] = [.. columns[c]];
            columns[c] = null!;
        }

        return new CsvTable(path, sep, header, arrays, [.. lines]);
    }

    /// <summary>
    /// The separator (given, or detected from the first line) and the characters to parse: when the first line was
    /// read to detect it, it is served again followed by <c>\n</c> (whatever line break ended it).
    /// </summary>
    internal static (char Separator, CsvCharSource Source) Start(TextReader reader, string path, char? separator, int bufferChars = DefaultBufferChars)
    {
        if (separator is { } given)
        {
            return (given, new CsvCharSource(reader, null, bufferChars));
        }

        var first = DataLimits.ReadLine(reader, $"{path}:1");
        return (Detect(path, first), new CsvCharSource(reader, first + "\n", bufferChars));
    }

    internal static StreamReader Open(string path, bool checkMemory = true)
    {
        if (Directory.Exists(path))
        {
            throw DataFileException.File(path, "is a directory, not a data file");
        }

        if (!File.Exists(path))
        {
            throw DataFileException.File(path, "file not found");
        }

        if (checkMemory)
        {
            DataLimits.CheckFitsInMemory(path);
        }

        return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>The candidate separator that occurs most often outside quotes in the header line (comma if none).</summary>
    private static char Detect(string path, string? firstLine)
    {
        if (firstLine is null)
        {
            throw DataFileException.File(path, "file is empty (no header row)");
        }

        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var ch in firstLine)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                var i = Array.IndexOf(Candidates, ch);
                if (i >= 0)
                {
                    counts[i]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Candidates[best];
    }

    internal static List<string> CheckHeader(string path, List<string> fields)
    {
        var header = new List<string>(fields.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i].Trim();
            if (name.Length == 0)
            {
                name = $"column_{i + 1}";
            }

            if (!seen.Add(name))
            {
                throw DataFileException.Row(path, 1, 0, $"header: column name '{name}' appears more than once");
            }

            header.Add(name);
        }

        return header;
    }

    internal static string Show(char sep) => sep == '\t' ? "\\t" : sep.ToString();
}
