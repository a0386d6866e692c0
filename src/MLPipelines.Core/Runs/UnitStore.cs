using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Finished units of work of a run, kept in its work folder (<c>units/</c>) so a run that is killed or fails and is
/// started again reuses them instead of recomputing. A unit is one JSON file, written atomically (a temporary file
/// renamed over the final name, so a kill leaves either the whole unit or none), that carries the run's
/// <see cref="RunKey"/>: a unit written under another key (another spec, data file, seed or build) is never read.
/// Unit names are relative paths such as <c>m0-lightgbm/r0-f3</c>; the store knows nothing of what they hold.
/// </summary>
public sealed class UnitStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IncludeFields = false,
    };

    /// <summary>A store in <paramref name="directory"/> for units of the run with key <paramref name="key"/>.</summary>
    public UnitStore(string directory, string key)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(key);
        Directory = directory;
        Key = key;
    }

    /// <summary>Where the unit files are.</summary>
    public string Directory { get; }

    /// <summary>The run key every unit must carry.</summary>
    public string Key { get; }

    /// <summary>Units read back so far (for the "resumed: N units reused" message).</summary>
    public int Reused { get; private set; }

    /// <summary>Reads unit <paramref name="name"/>; false when it is missing, unreadable, or of another run key.</summary>
    public bool TryRead<T>(string name, out T value)
        where T : class
    {
        value = null!;
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope<T>>(File.ReadAllText(path), Json);
            if (envelope?.Key != Key || envelope.Value is null)
            {
                return false;
            }

            value = envelope.Value;
            Reused++;
            return true;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return false; // a damaged unit is recomputed
        }
    }

    /// <summary>Writes unit <paramref name="name"/> atomically (replacing an older one).</summary>
    public void Write<T>(string name, T value)
        where T : class
    {
        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, new Envelope<T>(Key, value), Json));
    }

    /// <summary>The stored JSON of <paramref name="value"/> under this store's key, as <see cref="Write{T}"/> writes it.</summary>
    public string Serialize<T>(T value)
        where T : class => JsonSerializer.Serialize(new Envelope<T>(Key, value), Json);

    /// <summary>
    /// Stores unit <paramref name="name"/> from its stored JSON (<see cref="Serialize{T}"/>, e.g. made by a worker),
    /// atomically. The JSON must carry this store's key.
    /// </summary>
    /// <exception cref="InvalidDataException">The JSON is not a unit envelope of this run key.</exception>
    public void WriteStored(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string? key;
        try
        {
            using var document = JsonDocument.Parse(json);
            key = document.RootElement.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"unit {name}: not a stored unit ({e.Message})", e);
        }

        if (key != Key)
        {
            throw new InvalidDataException($"unit {name}: made for run key {key ?? "(none)"}, not this run's {Key}");
        }

        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Names of the stored units under <paramref name="prefix"/> (e.g. <c>m0-lightgbm/</c>), sorted.</summary>
    public IReadOnlyList<string> Names(string prefix = "")
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Directory, f)[..^".json".Length].Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Deletes every unit under <paramref name="prefix"/> (e.g. scratch units once their result is stored).</summary>
    public void Delete(string prefix)
    {
        foreach (var name in Names(prefix))
        {
            File.Delete(PathOf(name));
        }
    }

    private string PathOf(string name)
    {
        if (name.Length == 0 || name.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(name))
        {
            throw new ArgumentException($"Unit name '{name}' must be a relative path without '..'.", nameof(name));
        }

        return System.IO.Path.Combine(Directory, name + ".json");
    }

    private sealed record Envelope<T>(string Key, T Value);
}
