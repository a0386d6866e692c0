using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLPipelines.Core.Results;

/// <summary>Reads and writes <c>results.json</c> with snake_case names; the one place that fixes its JSON shape.</summary>
public static class ResultsJson
{
    /// <summary>Serializer options: snake_case properties, indented, nulls left out, NaN/Infinity as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
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
}
