namespace MLPipelines.Results.Csv;

/// <summary>
/// A delimited text file read into memory column by column, as strings (fields unquoted, surrounding spaces of
/// unquoted fields kept). Typing, missing values and schema inference happen later (MLPipelines.Data's <c>SchemaInferrer</c>).
/// </summary>
public sealed class CsvTable
{
    internal CsvTable(string path, char separator, IReadOnlyList<string> header, string[][] columns, int[] lines)
    {
        Path = path;
        Separator = separator;
        Header = header;
        Columns = columns;
        Lines = lines;
    }

    /// <summary>The file path as given (used in messages).</summary>
    public string Path { get; }

    /// <summary>The field separator used (given or detected).</summary>
    public char Separator { get; }

    /// <summary>Column names from the header row.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Field values, <c>Columns[column][row]</c>.</summary>
    public string[][] Columns { get; }

    /// <summary>1-based line in the file where each data row starts.</summary>
    public int[] Lines { get; }

    /// <summary>Number of data rows.</summary>
    public int RowCount => Lines.Length;

    /// <summary>Index of the column named <paramref name="name"/> (exact match), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (Header[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads <paramref name="path"/>; <paramref name="separator"/> null = detect from the header line.</summary>
    /// <exception cref="DataFileException">Missing or empty file, ragged rows, unterminated quotes, bad header.</exception>
    public static CsvTable Read(string path, char? separator = null) => CsvParser.Read(path, separator);

    /// <summary>
    /// Reads CSV text from <paramref name="text"/> (e.g. a request body) with the same rules as a file;
    /// <paramref name="source"/> names it in messages.
    /// </summary>
    /// <exception cref="DataFileException">Empty text, ragged rows, unterminated quotes, bad header.</exception>
    public static CsvTable Parse(TextReader text, string source, char? separator = null) => CsvParser.Parse(text, source, separator);

    /// <summary>
    /// A table built in memory (e.g. from JSON rows): <paramref name="columns"/><c>[column][row]</c> under
    /// <paramref name="header"/>; <paramref name="source"/> names it in messages, and rows count as lines 1, 2, ...
    /// </summary>
    public static CsvTable FromColumns(string source, IReadOnlyList<string> header, string[][] columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length != header.Count)
        {
            throw new ArgumentException($"{columns.Length} columns for a header of {header.Count} names.", nameof(columns));
        }

        var rows = columns.Length == 0 ? 0 : columns[0].Length;
        if (columns.Any(c => c.Length != rows))
        {
            throw new ArgumentException("Every column must have the same number of rows.", nameof(columns));
        }

        return new CsvTable(source, ',', header, columns, [.. Enumerable.Range(1, rows)]);
    }

    /// <summary>
    /// Reads the first <paramref name="maxRows"/> data rows of <paramref name="path"/> (all of them when there are
    /// fewer) with the same rules as <see cref="Read"/>: a sample of a large file.
    /// </summary>
    /// <exception cref="DataFileException">As <see cref="Read"/>, for the rows read.</exception>
    public static CsvTable ReadHead(string path, int maxRows, char? separator = null) => CsvParser.ReadHead(path, separator, maxRows);

    /// <summary>
    /// A table read by another reader (e.g. <see cref="CsvRecordStream"/>): <paramref name="columns"/><c>[column][row]</c>,
    /// each data row starting at line <paramref name="lines"/><c>[row]</c> of <paramref name="path"/>. A column the
    /// reader did not keep as text may be empty.
    /// </summary>
    public static CsvTable FromRead(string path, char separator, IReadOnlyList<string> header, string[][] columns, int[] lines)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(lines);
        if (columns.Length != header.Count || columns.Any(c => c.Length != 0 && c.Length != lines.Length))
        {
            throw new ArgumentException("Every column must have one value per line, or none.", nameof(columns));
        }

        return new CsvTable(path, separator, header, columns, lines);
    }

    /// <summary>Reads only the header row (cheap: for validation before any data is read).</summary>
    public static IReadOnlyList<string> ReadHeader(string path, char? separator = null) => CsvParser.ReadHeader(path, separator);
}
