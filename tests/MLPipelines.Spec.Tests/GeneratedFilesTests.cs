using MLPipelines.Core.Trainers;

namespace MLPipelines.Spec.Tests;

/// <summary>
/// The generated format reference describes every key, step and trainer option. (The snapshot tests that keep
/// the committed pipelines/pipeline.schema.json and FORMAT.md current live in MLPipelines.Cli.Tests, which sees
/// the full registry with mlp and cnn.)
/// </summary>
public sealed class GeneratedFilesTests
{
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
