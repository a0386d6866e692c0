using System.Text;

namespace MLPipelines.Results.Csv;

/// <summary>
/// Splits a character stream into records. A plain line (no quote, no carriage return but the one before its line
/// feed, at most <see cref="DataLimits.MaxColumns"/> fields) is split at its separators in one pass over the buffer;
/// any other record goes through the character-by-character state machine, which alone decides quoting, stray
/// carriage returns, the record length limit and the column limit, so both paths give the same fields, lines and
/// errors. Equal field values of a column share one string while the column has few distinct values.
/// </summary>
internal sealed class CsvRecordReader(CsvCharSource source, char separator, string path)
{
    private readonly StringBuilder _field = new();
    private readonly List<FieldInterner?> _interners = [];
    private readonly List<(int Start, int Length)> _ranges = [];
    private bool _ended;

    /// <summary>1-based line of the next character.</summary>
    public int Line { get; private set; } = 1;

    /// <summary>1-based line where the last record returned by <c>Next</c> started.</summary>
    public int StartLine { get; private set; }

    public bool Next(List<string> fields)
    {
        if (!Next(fields, _ranges, out var line))
        {
            return false;
        }

        for (var i = 0; i < _ranges.Count; i++)
        {
            var (start, length) = _ranges[i];
            fields.Add(Intern(i, line.Span.Slice(start, length)));
        }

        return true;
    }

    /// <summary>
    /// The next record without making strings of a plain line: either <paramref name="ranges"/> holds the fields as
    /// (start, length) in <paramref name="line"/> (valid until the next call) and <paramref name="fields"/> is empty,
    /// or <paramref name="fields"/> holds them and <paramref name="ranges"/> is empty.
    /// </summary>
    public bool Next(List<string> fields, List<(int Start, int Length)> ranges, out ReadOnlyMemory<char> line)
    {
        ranges.Clear();
        if (!Next(fields, out line, out _))
        {
            return false;
        }

        if (fields.Count == 0)
        {
            Split(line.Span, separator, ranges);
        }

        return true;
    }

    /// <summary>
    /// The next record, a plain line not even split: either <paramref name="fields"/> is empty and
    /// <paramref name="line"/> holds the record's text, its <paramref name="count"/> fields being the text between
    /// separators (<see cref="Split"/>), or <paramref name="fields"/> holds them (quotes, stray carriage returns,
    /// very long records) and <paramref name="line"/> is empty.
    /// </summary>
    public bool Next(List<string> fields, out ReadOnlyMemory<char> line, out int count)
    {
        fields.Clear();
        line = default;
        count = 0;
        if (_ended)
        {
            return false;
        }

        StartLine = Line;
        if (source.TryPeekLine(out var peeked, out var newline) && IsPlain(peeked.Span, newline, out var length, out var separators))
        {
            if (peeked.Length == 0 && !newline)
            {
                _ended = true;
                return false;
            }

            line = peeked[..length];
            count = separators + 1;
            source.Skip(peeked.Length + (newline ? 1 : 0));
            if (newline)
            {
                Line++;
            }
            else
            {
                _ended = true;
            }

            return true;
        }

        var read = NextByCharacter(fields);
        count = fields.Count;
        return read;
    }

    /// <summary>Adds the (start, length) of each field of plain line <paramref name="text"/> to <paramref name="ranges"/>.</summary>
    public static void Split(ReadOnlySpan<char> text, char separator, List<(int Start, int Length)> ranges)
    {
        var start = 0;
        while (true)
        {
            var at = text[start..].IndexOf(separator);
            if (at < 0)
            {
                ranges.Add((start, text.Length - start));
                return;
            }

            ranges.Add((start, at));
            start += at + 1;
        }
    }

    /// <summary>True when <paramref name="line"/> needs no state machine; <paramref name="length"/> is its text without a final CR.</summary>
    private bool IsPlain(ReadOnlySpan<char> line, bool newline, out int length, out int separators)
    {
        length = line.Length;
        separators = 0;
        // One search for both: a quote anywhere, or a carriage return before the last character, needs the state machine.
        var special = line.IndexOfAny('"', '\r');
        if (special >= 0)
        {
            if (line[special] == '"' || special != line.Length - 1 || !newline)
            {
                return false;
            }

            length--;
        }

        // At most MaxColumns separators: the state machine refuses the record at the next one.
        separators = line[..length].Count(separator);
        return separators <= DataLimits.MaxColumns;
    }

    private string Intern(int column, ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        while (_interners.Count <= column)
        {
            _interners.Add(new FieldInterner());
        }

        var interner = _interners[column];
        if (interner is null)
        {
            return new string(text);
        }

        if (interner.TryGet(text, out var value))
        {
            return value;
        }

        value = new string(text);
        if (!interner.TryAdd(value))
        {
            _interners[column] = null; // many distinct values: stop looking them up
        }

        return value;
    }

    /// <summary>The reader of one character at a time (quotes, stray carriage returns, very long or wide records).</summary>
    private bool NextByCharacter(List<string> fields)
    {
        var ch = source.Read();
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

                AddField(fields);
                _ended = true;
                return true;
            }

            var c = (char)ch;
            if (quoted)
            {
                if (c == '"')
                {
                    var next = source.Read();
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

                AddField(fields);
                _field.Clear();
                wasQuoted = false;
            }
            else if (c == '\n')
            {
                Line++;
                AddField(fields);
                return true;
            }
            else if (c != '\r')
            {
                _field.Append(c);
            }

            ch = source.Read();
        }
    }

    private void AddField(List<string> fields) => fields.Add(_field.Length == 0 ? "" : _field.ToString());

    /// <summary>The distinct values of one column while there are at most <see cref="MaxValues"/> of them.</summary>
    private sealed class FieldInterner
    {
        private const int MaxValues = 1024;

        private readonly HashSet<string> _values = new(StringComparer.Ordinal);
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public FieldInterner() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool TryGet(ReadOnlySpan<char> text, out string value) => _lookup.TryGetValue(text, out value!);

        /// <summary>Adds <paramref name="value"/>; false when the column has more distinct values than this keeps.</summary>
        public bool TryAdd(string value) => _values.Count < MaxValues && _values.Add(value);
    }
}
