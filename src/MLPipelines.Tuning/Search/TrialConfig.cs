namespace MLPipelines.Tuning.Search;

/// <summary>
/// One configuration a trial evaluates: option values that replace the model's own, in search-space order. The
/// empty configuration is the model as written (its defaults). <see cref="Key"/> is a stable text that names it
/// in trial logs and resume keys.
/// </summary>
public sealed class TrialConfig
{
    private readonly KeyValuePair<string, object?>[] _values;

    /// <summary>Creates a configuration; values are normalized (<see cref="SearchValues.Normalize"/>).</summary>
    /// <exception cref="ArgumentException">An option appears twice.</exception>
    public TrialConfig(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values.Select(v => new KeyValuePair<string, object?>(v.Key, SearchValues.Normalize(v.Value)))];
        var duplicate = _values.GroupBy(v => v.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The option '{duplicate.Key}' is set twice.", nameof(values));
        }

        Key = _values.Length == 0 ? "default" : string.Join(", ", _values.Select(v => $"{v.Key}={SearchValues.Format(v.Value)}"));
    }

    /// <summary>The model's own configuration (no value replaced).</summary>
    public static TrialConfig Default { get; } = new([]);

    /// <summary>The replaced values in search-space order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Values => _values;

    /// <summary>Stable one-line text, e.g. <c>learning_rate=0.05, num_leaves=63</c>, or <c>default</c>.</summary>
    public string Key { get; }

    /// <summary>True for the model's own configuration.</summary>
    public bool IsDefault => _values.Length == 0;

    /// <summary>
    /// <paramref name="options"/> with this configuration's values written over them (a new dictionary; each value a
    /// fresh copy, so a trainer that mutates a list cannot change the configuration).
    /// </summary>
    public Dictionary<string, object?> ApplyTo(IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var merged = new Dictionary<string, object?>(options, StringComparer.Ordinal);
        foreach (var (name, value) in _values)
        {
            merged[name] = SearchValues.Normalize(value);
        }

        return merged;
    }

    /// <summary>True when every value equals the one in <paramref name="options"/> (e.g. a draw that repeats the defaults).</summary>
    public bool SameAs(IReadOnlyDictionary<string, object?> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return _values.All(v => options.TryGetValue(v.Key, out var own) && SearchValues.AreEqual(SearchValues.Normalize(own), v.Value));
    }

    /// <inheritdoc />
    public override string ToString() => Key;
}
