namespace MLPipelines.Data;

/// <summary>The field values read as missing: the empty field plus the configured tokens, compared after trimming.</summary>
public sealed class MissingValueSet
{
    private readonly HashSet<string> _tokens;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The first characters of the tokens (ASCII ones; a field starting past ASCII is always looked up): most numbers need no hashing.</summary>
    private readonly bool[] _starts = new bool[128];

    public MissingValueSet(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = new HashSet<string>(tokens.Select(t => t.Trim()), StringComparer.Ordinal) { "" };
        _lookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in _tokens.Where(t => t.Length > 0 && t[0] < 128))
        {
            _starts[token[0]] = true;
        }
    }

    /// <summary>The default set: empty, <c>NA</c>, <c>?</c>.</summary>
    public static MissingValueSet Default { get; } = new(["", "NA", "?"]);

    /// <summary>Non-empty tokens, sorted.</summary>
    public IReadOnlyList<string> Tokens => [.. _tokens.Where(t => t.Length > 0).Order(StringComparer.Ordinal)];

    public bool IsMissing(string field) => _tokens.Contains(field.Trim());

    /// <summary>True when no token starts with <paramref name="c"/>: a field that starts with it is not missing unless it is blank.</summary>
    public bool StartsNoToken(char c) => c < _starts.Length && !_starts[c];

    /// <summary>As <see cref="IsMissing(string)"/>, for a field that is not a string.</summary>
    public bool IsMissing(ReadOnlySpan<char> field)
    {
        var trimmed = field.Trim();
        return trimmed.IsEmpty || ((trimmed[0] >= _starts.Length || _starts[trimmed[0]]) && _lookup.Contains(trimmed));
    }
}
