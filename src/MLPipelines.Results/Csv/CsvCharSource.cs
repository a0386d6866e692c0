namespace MLPipelines.Results.Csv;

/// <summary>
/// Characters of a text read in blocks: one at a time (<see cref="Read"/>, for records that need the full state
/// machine) or a whole line at a time (<see cref="TryPeekLine"/>, the fast path for plain records). An optional
/// prefix is served before the reader's text (the peeked header line and its line break).
/// </summary>
internal sealed class CsvCharSource
{
    /// <summary>Longest line the fast path looks at; longer records go through <see cref="Read"/>.</summary>
    public const int MaxPeekChars = 1 << 20;

    private readonly TextReader _reader;
    private char[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public CsvCharSource(TextReader reader, string? prefix, int bufferChars = 1 << 16)
    {
        _reader = reader;
        _buffer = new char[Math.Max(bufferChars, (prefix?.Length ?? 0) + 1)];
        if (prefix is not null)
        {
            prefix.CopyTo(_buffer);
            _end = prefix.Length;
        }
    }

    /// <summary>Next character, or -1 at the end.</summary>
    public int Read()
    {
        if (_start == _end && !Fill())
        {
            return -1;
        }

        return _buffer[_start++];
    }

    /// <summary>
    /// The characters up to the next <c>\n</c> (excluded) without consuming them; <paramref name="newline"/> tells
    /// whether a <c>\n</c> ends them (else the text ends there). False when the line is longer than
    /// <see cref="MaxPeekChars"/>. An empty line without newline means the end of the text.
    /// </summary>
    public bool TryPeekLine(out ReadOnlyMemory<char> line, out bool newline)
    {
        var searched = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf('\n');
            if (found >= 0)
            {
                line = _buffer.AsMemory(_start, searched + found);
                newline = true;
                return true;
            }

            searched = _end - _start;
            if (searched > MaxPeekChars)
            {
                line = default;
                newline = false;
                return false;
            }

            if (!Fill())
            {
                line = _buffer.AsMemory(_start, _end - _start);
                newline = false;
                return true;
            }
        }
    }

    /// <summary>Consumes <paramref name="count"/> characters (after <see cref="TryPeekLine"/>).</summary>
    public void Skip(int count) => _start += count;

    /// <summary>Reads more text after the buffered characters (moving or growing the buffer); false at the end.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }
}
