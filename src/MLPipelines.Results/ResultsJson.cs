using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MLPipelines.Results;

/// <summary>Reads and writes <c>results.json</c> with snake_case names; the one place that fixes its JSON shape.</summary>
public static class ResultsJson
{
    /// <summary>
    /// Serializer options: snake_case properties, indented, optional nulls left out (a required property is always
    /// written, as <c>null</c> when it has no value, e.g. the <c>t</c> of an undefined test), NaN/Infinity as strings.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AlwaysWriteRequired } },
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(RunResults results) => JsonSerializer.Serialize(results, Options);

    public static RunResults Deserialize(string json) =>
        JsonSerializer.Deserialize<RunResults>(json, Options) ?? throw new JsonException("results.json is empty (null).");

    public static void Write(string path, RunResults results) => File.WriteAllText(path, Serialize(results) + "\n");

    public static RunResults Read(string path) => Deserialize(File.ReadAllText(path));

    /// <summary>A required property left out would make the file unreadable, so required ones are never skipped.</summary>
    private static void AlwaysWriteRequired(JsonTypeInfo info)
    {
        foreach (var property in info.Properties.Where(p => p.IsRequired))
        {
            property.ShouldSerialize = static (_, _) => true;
        }
    }
}
