using System.Text;
using MLPipelines.Results.Csv;

namespace MLPipelines.Results.Tests.Csv;

/// <summary>
/// RFC 4180 reader: a header row, fields separated by one character, fields optionally quoted with <c>"</c>
/// (a doubled <c>""</c> inside quotes is one quote; quoted fields may hold separators and line breaks), LF or CRLF
/// line ends, an optional UTF-8 byte-order mark. Blank lines are skipped. Every row must have as many fields as the
/// header.
/// </summary>
/// <remarks>The parser as it was before the buffered reader (commit 228f8a9), kept verbatim as the reference the
/// new one is compared with: same tables, same errors.</remarks>
internal static class ReferenceCsvParser
{
    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    public static IReadOnlyList<string> ReadHeader(string path, char? separator)
    {
        using var reader = Open(path);
        var sep = separator ?? Detect(path, reader.PeekFirstLine());
        var fields = new List<string>();
        var record = new RecordReader(reader, sep, path);
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

    public static CsvTable Parse(TextReader text, string source, char? separator)
    {
        using var reader = new PeekableReader(text, source);
        return Read(reader, source, separator);
    }

    private static CsvTable Read(PeekableReader reader, string path, char? separator)
    {
        var sep = separator ?? Detect(path, reader.PeekFirstLine());
        var record = new RecordReader(reader, sep, path);
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
        while (true)
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

        return new CsvTable(path, sep, header, [.. columns.Select(c => c.ToArray())], [.. lines]);
    }

    private static PeekableReader Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw DataFileException.File(path, "is a directory, not a data file");
        }

        if (!File.Exists(path))
        {
            throw DataFileException.File(path, "file not found");
        }

        DataLimits.CheckFitsInMemory(path);
        return new PeekableReader(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), path);
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

    private static List<string> CheckHeader(string path, List<string> fields)
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

    private static string Show(char sep) => sep == '\t' ? "\\t" : sep.ToString();

    /// <summary>A reader that can hand out the first physical line without consuming it.</summary>
    private sealed class PeekableReader(TextReader inner, string path) : IDisposable
    {
        private string? _buffered;
        private int _bufferedPos = -1;

        public string? PeekFirstLine()
        {
            if (_bufferedPos < 0)
            {
                _buffered = DataLimits.ReadLine(inner, $"{path}:1");
                _bufferedPos = 0;
            }

            return _buffered;
        }

        /// <summary>Next character or -1; the peeked line is replayed first, followed by its line break.</summary>
        public int Read()
        {
            if (_bufferedPos >= 0 && _buffered is not null)
            {
                if (_bufferedPos < _buffered.Length)
                {
                    return _buffered[_bufferedPos++];
                }

                // ReadLine dropped the line break; give it back so the record ends as in the file.
                _buffered = null;
                return '\n';
            }

            return inner.Read();
        }

        public void Dispose() => inner.Dispose();
    }

    /// <summary>Splits the character stream into records.</summary>
    private sealed class RecordReader(PeekableReader reader, char separator, string path)
    {
        private readonly StringBuilder _field = new();
        private bool _ended;

        /// <summary>1-based line of the next character.</summary>
        public int Line { get; private set; } = 1;

        /// <summary>1-based line where the last record returned by <see cref="Next"/> started.</summary>
        public int StartLine { get; private set; }

        public bool Next(List<string> fields)
        {
            fields.Clear();
            if (_ended)
            {
                return false;
            }

            StartLine = Line;
            var ch = reader.Read();
            if (ch < 0)
            {
                _ended = true;
                return false;
            }

            _field.Clear();
            var quoted = false;
            var wasQuoted = false;
            var length = 0;
            while (true)
            {
                if (++length > DataLimits.MaxRecordChars)
                {
                    throw DataLimits.TooLong($"{path}:{StartLine}");
                }

                if (ch < 0)
                {
                    if (quoted)
                    {
                        throw DataFileException.File(path, $"line {StartLine}: a quoted field is not closed before the end of the file");
                    }

                    fields.Add(_field.ToString());
                    _ended = true;
                    return true;
                }

                var c = (char)ch;
                if (quoted)
                {
                    if (c == '"')
                    {
                        var next = reader.Read();
                        if (next == '"')
                        {
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                            ch = next;
                            continue;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            Line++;
                        }

                        _field.Append(c);
                    }
                }
                else if (c == '"' && _field.Length == 0 && !wasQuoted)
                {
                    quoted = true;
                    wasQuoted = true;
                }
                else if (c == separator)
                {
                    if (fields.Count >= DataLimits.MaxColumns)
                    {
                        throw DataFileException.File(path, $"line {StartLine}: more than {DataLimits.MaxColumns:N0} fields; a table may have at most that many columns");
                    }

                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                }
                else if (c == '\n')
                {
                    Line++;
                    fields.Add(_field.ToString());
                    return true;
                }
                else if (c != '\r')
                {
                    _field.Append(c);
                }

                ch = reader.Read();
            }
        }
    }
}
