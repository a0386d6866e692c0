using System.Text;

namespace MLPipelines.Data.Images;

/// <summary>
/// The fields of one CSV line, reused from line to line. A line without quotes is split into ranges of the line
/// (no string per field: a 785-column MNIST row costs no allocation); a line with quotes is unquoted field by
/// field (<c>"a,b"</c>, doubled <c>""</c>). A quoted field may not span lines.
/// </summary>
internal sealed class CsvFields
{
    private readonly List<Range> _ranges = [];
    private readonly List<string> _unquoted = [];
    private string _line = "";
    private bool _quoted;

    public int Count => _quoted ? _unquoted.Count : _ranges.Count;

    public ReadOnlySpan<char> this[int index] => _quoted ? _unquoted[index].AsSpan() : _line.AsSpan()[_ranges[index]];

    public void Parse(string line, char separator, string path, int lineNumber)
    {
        _line = line.EndsWith('\r') ? line[..^1] : line;
        _quoted = _line.Contains('"', StringComparison.Ordinal);
        _ranges.Clear();
        _unquoted.Clear();
        if (_quoted)
        {
            _unquoted.AddRange(Split(_line, separator, path, lineNumber));
            return;
        }

        var start = 0;
        for (var i = 0; i < _line.Length; i++)
        {
            if (_line[i] == separator)
            {
                _ranges.Add(start..i);
                start = i + 1;
            }
        }

        _ranges.Add(start.._line.Length);
    }

    /// <summary>Splits one line into unquoted fields.</summary>
    public static List<string> Split(string line, char separator, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (ch == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }

        if (quoted)
        {
            throw ImageDataException.File($"{path}:{lineNumber}", "a quoted field is not closed on its line (pixel CSV fields may not span lines)");
        }

        fields.Add(field.ToString());
        return fields;
    }
}
