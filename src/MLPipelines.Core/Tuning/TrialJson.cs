using System.Text.Json;
using System.Text.Json.Serialization;
using MLPipelines.Core.Runs;

namespace MLPipelines.Core.Tuning;

/// <summary>JSON settings of the files under <c>tuning/</c>: snake_case, NaN allowed (a failed trial's score), one line per object.</summary>
internal static class TrialJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes <paramref name="value"/> to a temporary file and renames it over <paramref name="path"/>.</summary>
    public static void WriteAtomically<T>(string path, T value)
    {
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, value, Options));
    }

    /// <summary>The object in <paramref name="path"/>, or default when it is missing or unreadable.</summary>
    public static T? TryRead<T>(string path)
    {
        if (!File.Exists(path))
        {
            return default;
        }

        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, Options);
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return default;
        }
    }
}
