using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// A mapping read against its keys: a typed value (or the default) for every scalar and list key, a nested
/// <see cref="KeyedValues"/> for every section with known children, and the nodes of what was written.
/// </summary>
internal sealed class KeyedValues(string path, SourceLocation location)
{
    /// <summary>Key path of the mapping itself (empty for the root).</summary>
    public string Path { get; } = path;

    /// <summary>Where the mapping's key was written (or, when left out, where its parent was).</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>Typed values of scalar and list keys, in key order, defaults included.</summary>
    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Nested sections with known children, read even when left out (to fill their defaults).</summary>
    public Dictionary<string, KeyedValues> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>Value nodes of the keys that were written.</summary>
    public Dictionary<string, YamlNode> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys written with a value that failed validation (their <see cref="Values"/> entry is the default).</summary>
    public HashSet<string> Invalid { get; } = new(StringComparer.Ordinal);

    public bool IsWritten(string key) => Written.ContainsKey(key);

    /// <summary>Written and valid: safe to base cross-key checks on.</summary>
    public bool IsValid(string key) => !Invalid.Contains(key);

    public string PathOf(string key) => SpecReadContext.Child(Path, key);

    public T Get<T>(string key) => (T)Values[key]!;

    public T? GetOrNull<T>(string key)
        where T : class => Values[key] as T;
}
