using System.Text.Json;

namespace MLPipelines.Results.Experiments;

/// <summary>Reads and writes <c>experiment.json</c> with the same conventions as <c>results.json</c> (<see cref="ResultsJson.Options"/>).</summary>
public static class ExperimentJson
{
    /// <summary>File name inside the experiment folder.</summary>
    public const string FileName = "experiment.json";

    public static string Serialize(ExperimentResults results) => JsonSerializer.Serialize(results, ResultsJson.Options);

    public static ExperimentResults Deserialize(string json) =>
        JsonSerializer.Deserialize<ExperimentResults>(json, ResultsJson.Options) ?? throw new JsonException("experiment.json is empty (null).");

    public static void Write(string path, ExperimentResults results) => File.WriteAllText(path, Serialize(results) + "\n");

    public static ExperimentResults Read(string path) => Deserialize(File.ReadAllText(path));
}
