using MLPipelines.Spec;

namespace MLPipelines.Cli.Tests;

/// <summary>
/// The committed JSON Schema and the generated part of FORMAT.md must match what the code generates today from
/// the registry `mlpipe` uses (built-in trainers plus our mlp and cnn), so they cannot drift from what the loader
/// accepts. Set MLPIPE_UPDATE_SNAPSHOTS=1 to rewrite them.
/// </summary>
public sealed class GeneratedFilesTests
{
    private const string UpdateVariable = "MLPIPE_UPDATE_SNAPSHOTS";

    private const string RegenerateHint =
        $"regenerate with: {UpdateVariable}=1 dotnet test tests/MLPipelines.Cli.Tests --filter \"FullyQualifiedName~GeneratedFilesTests\"";

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    [Fact]
    public void JsonSchemaWriter_ToJson_MatchesCommittedSchema()
    {
        var path = TestFiles.Pipeline("pipeline.schema.json");
        var generated = JsonSchemaWriter.ToJson(Infrastructure.Trainers.CreateRegistry());
        if (Updating)
        {
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path) : "(missing)";
        Assert.True(committed == generated, $"pipelines/pipeline.schema.json is out of date; {RegenerateHint}");
        Assert.Contains("\"hidden_layers\"", committed, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatReferenceWriter_ReplaceGenerated_MatchesCommittedReference()
    {
        var path = TestFiles.Pipeline("FORMAT.md");
        var committed = File.ReadAllText(path);
        var generated = FormatReferenceWriter.ReplaceGenerated(committed, Infrastructure.Trainers.CreateRegistry());
        if (Updating)
        {
            File.WriteAllText(path, generated);
            committed = generated;
        }

        Assert.True(committed == generated, $"the generated reference in pipelines/FORMAT.md is out of date; {RegenerateHint}");
    }
}
