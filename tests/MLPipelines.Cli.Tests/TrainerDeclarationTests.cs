using System.Text.Json.Nodes;
using MLPipelines.Core.Trainers;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Cli.Tests;

/// <summary>
/// Every trainer <c>mlpipe</c> offers declares its options once, on its options class (OneDeclarationTests in
/// Spec.Tests proves such a declaration reaches validation, the JSON Schema, FORMAT.md and binding). These tests hold
/// the real trainers to it: none carries an option list of its own, and every declared option is in the committed
/// schema and in FORMAT.md under its trainer.
/// </summary>
public sealed class TrainerDeclarationTests
{
    [Fact]
    public void EveryTrainer_Options_AreTheDeclarationsOfItsOptionsClass()
    {
        foreach (var plugin in Infrastructure.Trainers.CreateRegistry().Plugins)
        {
            var optionsType = OptionsClassOf(plugin.GetType());

            Assert.True(optionsType is not null, $"{plugin.Name}: {plugin.GetType().Name} is not a TrainerPlugin<TOptions>, so its options are not declared on one class");
            Assert.Equal(OptionDeclarations.Of(optionsType), plugin.Options);
            Assert.IsType(optionsType, plugin.Bind(new Dictionary<string, object?>()));
        }
    }

    [Fact]
    public void EveryTrainerOption_IsInTheCommittedSchemaAndFormatReference()
    {
        var schema = JsonNode.Parse(File.ReadAllText(TestFiles.Pipeline("pipeline.schema.json")))!["$defs"]!;
        var format = File.ReadAllText(TestFiles.Pipeline("FORMAT.md"));

        foreach (var plugin in Infrastructure.Trainers.CreateRegistry().Plugins)
        {
            var properties = schema[$"options_{plugin.Name}"]?["properties"]?.AsObject();
            var section = TrainerSection(format, plugin.Name);

            Assert.True(properties is not null, $"pipeline.schema.json has no options_{plugin.Name}");
            Assert.Equal(plugin.Options.Select(o => o.Name), properties.Select(p => p.Key));
            Assert.All(plugin.Options, o => Assert.Contains($"\n| `{o.Name}` |", section, StringComparison.Ordinal));
        }
    }

    private static Type? OptionsClassOf(Type plugin)
    {
        for (var type = plugin; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(TrainerPlugin<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    /// <summary>The trainer's first section in FORMAT.md (its options table; the search spaces come later).</summary>
    private static string TrainerSection(string format, string trainer)
    {
        var start = format.IndexOf($"\n#### `{trainer}`\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"FORMAT.md has no section for {trainer}");
        var end = format.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        return end < 0 ? format[start..] : format[start..end];
    }
}
