using MLPipelines.Core.Spec;
using MLPipelines.Core.Trainers;

namespace MLPipelines.Core.Tests.Spec;

/// <summary>
/// The committed JSON Schema and the generated part of FORMAT.md must match what the code generates today, so
/// they cannot drift from what the loader accepts. Set MLPIPE_UPDATE_SNAPSHOTS=1 to rewrite them.
/// </summary>
public sealed class GeneratedFilesTests
{
    [Fact]
    public void JsonSchemaWriter_ToJson_MatchesCommittedSchema()
    {
        var generated = JsonSchemaWriter.ToJson(BuiltinTrainers.CreateRegistry());
        if (RepoPaths.Updating)
        {
            File.WriteAllText(RepoPaths.SchemaFile, generated);
        }

        var committed = File.Exists(RepoPaths.SchemaFile) ? File.ReadAllText(RepoPaths.SchemaFile) : "(missing)";
        Assert.True(committed == generated, $"pipelines/pipeline.schema.json is out of date; {RepoPaths.RegenerateHint}");
    }

    [Fact]
    public void FormatReferenceWriter_ReplaceGenerated_MatchesCommittedReference()
    {
        var committed = File.ReadAllText(RepoPaths.FormatFile);
        var generated = FormatReferenceWriter.ReplaceGenerated(committed, BuiltinTrainers.CreateRegistry());
        if (RepoPaths.Updating)
        {
            File.WriteAllText(RepoPaths.FormatFile, generated);
            committed = generated;
        }

        Assert.True(committed == generated, $"the generated reference in pipelines/FORMAT.md is out of date; {RepoPaths.RegenerateHint}");
    }

    [Fact]
    public void FormatReferenceWriter_ToMarkdown_DescribesEveryKeyStepAndTrainerOption()
    {
        var registry = SpecFolder.Registry();

        var markdown = FormatReferenceWriter.ToMarkdown(registry);

        var keys = SpecFormat.Root
            .Concat(SpecFormat.Data.Children).Concat(SpecFormat.Evaluation.Children).Concat(SpecFormat.Report.Children)
            .Concat(SpecFormat.ModelKeys)
            .Concat(PreprocessingCatalog.Kinds.SelectMany(k => PreprocessingCatalog.OptionsOf(k)).Select(SpecKey.FromOption))
            .Concat(registry.Plugins.SelectMany(p => p.Options).Select(SpecKey.FromOption));
        Assert.All(keys, key => Assert.Contains($"| `{key.Name}` |", markdown, StringComparison.Ordinal));
        Assert.Contains("| `unbalanced` | `true` / `false` | `false` | Reweight the rare class. Only for binary. |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `folds` | integer, >= 2 and <= 100 | `5` |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatReferenceWriter_ReplaceGenerated_WithoutMarkers_Throws()
    {
        Assert.Throws<ArgumentException>(() => FormatReferenceWriter.ReplaceGenerated("# no markers\n", new TrainerRegistry()));
    }
}
