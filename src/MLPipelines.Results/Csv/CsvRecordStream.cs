namespace MLPipelines.Results.Csv;

/// <summary>
/// A delimited file read one record at a time, without keeping it: the same separator detection, header checks,
/// blank-line skipping, rows, lines and errors as <see cref="CsvTable.Read"/>, but a plain record's fields are
/// spans of the read buffer (no string per cell), for files too large to hold as text.
/// </summary>
public sealed class CsvRecordStream : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvRecordReader _records;
    private readonly List<string> _fields = [];
    private readonly List<(int Start, int Length)> _ranges = [];
    private ReadOnlyMemory<char> _line;

    private CsvRecordStream(string path, StreamReader reader, char separator, CsvRecordReader records, IReadOnlyList<string> header)
    {
        Path = path;
        _reader = reader;
        Separator = separator;
        _records = records;
        Header = header;
    }

    /// <summary>The file path as given (used in messages).</summary>
    public string Path { get; }

    /// <summary>The field separator used (given or detected).</summary>
    public char Separator { get; }

    /// <summary>Column names from the header row.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>1-based data row of the current record (as in error messages).</summary>
    public int Row { get; private set; }

    /// <summary>1-based line where the current record starts.</summary>
    public int Line => _records.StartLine;

    /// <summary>Bytes of the file read so far: ahead of the current record by at most the reader's buffers.</summary>
    public long BytesRead => _reader.BaseStream.CanSeek ? _reader.BaseStream.Position : 0;

    /// <summary>Opens <paramref name="path"/> and reads its header; <paramref name="separator"/> null = detect.</summary>
    /// <exception cref="DataFileException">Missing or empty file, bad header.</exception>
    public static CsvRecordStream Open(string path, char? separator = null)
    {
        var reader = CsvParser.Open(path, checkMemory: false);
        try
        {
            var (sep, source) = CsvParser.Start(reader, path, separator);
            var records = new CsvRecordReader(source, sep, path);
            var fields = new List<string>();
            if (!records.Next(fields))
            {
                throw DataFileException.File(path, "file is empty (no header row)");
            }

            return new CsvRecordStream(path, reader, sep, records, CsvParser.CheckHeader(path, fields));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next data row; false at the end.</summary>
    /// <exception cref="DataFileException">A row with too few or too many fields, an unclosed quote, a record over the limits.</exception>
    public bool MoveNext()
    {
        _ranges.Clear();
        while (_records.Next(_fields, out _line, out var count))
        {
            if (count == 1 && Header.Count > 1 && (_fields.Count == 0 ? _line.IsEmpty : _fields[0].Length == 0))
            {
                continue; // blank line
            }

            if (count != Header.Count)
            {
                var what = count < Header.Count ? "too few" : "too many";
                throw DataFileException.Row(Path, _records.StartLine, Row + 1,
                    $"{what} fields: {count}, but the header has {Header.Count} (separator '{CsvParser.Show(Separator)}')");
            }

            Row++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when the current record is a plain line (no quote, no carriage return but a final one): its fields are
    /// the text of <see cref="PlainLine"/> between separators, and a reader that splits it itself skips the indexer.
    /// </summary>
    public bool IsPlain => _fields.Count == 0;

    /// <summary>The current record's text when <see cref="IsPlain"/> (without its line break), else empty.</summary>
    public ReadOnlySpan<char> PlainLine => _line.Span;

    /// <summary>Field <paramref name="column"/> of the current row, unquoted (valid until the next <see cref="MoveNext"/>).</summary>
    public ReadOnlySpan<char> this[int column]
    {
        get
        {
            if (_fields.Count > 0)
            {
                return _fields[column].AsSpan();
            }

            if (_ranges.Count == 0)
            {
                CsvRecordReader.Split(_line.Span, Separator, _ranges); // split on first use
            }

            var (start, length) = _ranges[column];
            return _line.Span.Slice(start, length);
        }
    }

    public void Dispose() => _reader.Dispose();
}
