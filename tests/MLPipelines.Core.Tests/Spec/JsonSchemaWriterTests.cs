using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MLPipelines.Core.Spec;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Core.Tests.Spec;

/// <summary>The generated schema, run by an independent JSON Schema validator, agrees with the loader.</summary>
public sealed class JsonSchemaWriterTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(JsonSchemaWriter.ToJson(SpecFolder.Registry()));

    /// <summary>YAML to JSON with the loader's typing of plain scalars.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => ScalarValue.Classify(scalar) switch
        {
            (ScalarType.Null, _) => null,
            (ScalarType.Bool, var b) => JsonValue.Create((bool)b!),
            (ScalarType.Int, var i) => JsonValue.Create((long)i!),
            (ScalarType.Float, var d) => JsonValue.Create((double)d!),
            (_, var s) => JsonValue.Create((string)s!),
        },
        _ => throw new ArgumentException(node.GetType().Name),
    };

    private static bool IsValid(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new YamlDotNet.Core.MergingParser(new YamlDotNet.Core.Parser(new StringReader(yaml))));
        var json = JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode));
        return Schema.Evaluate(json).IsValid;
    }

    private static string Spec(string evaluation = "{seed: 1}", string model = "{trainer: lightgbm}", string preprocessing = "[impute]") =>
        SpecFolder.Lines(
            "name: t",
            "data: {path: data.csv, label: y}",
            $"evaluation: {evaluation}",
            $"preprocessing: {preprocessing}",
            "models:",
            $"  - {model}");

    [Fact]
    public void JsonSchemaWriter_ToJson_IsAValidDraft202012Schema()
    {
        var json = JsonDocument.Parse(JsonSchemaWriter.ToJson(SpecFolder.Registry())).RootElement;

        var result = MetaSchemas.Draft202012.Evaluate(json);

        Assert.True(result.IsValid);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", json.GetProperty("$schema").GetString());
    }

    [Fact]
    public void JsonSchemaWriter_ToJson_AcceptsValidSpecs()
    {
        Assert.True(IsValid(ExampleSpecs.IssueExample));
        Assert.True(IsValid(ExampleSpecs.Rich));
        Assert.True(IsValid(Spec()));
        Assert.True(IsValid(Spec(evaluation: "{method: holdout, test_fraction: 0.3}")));
        Assert.True(IsValid(Spec(evaluation: "{method: kfold, folds: 10}")));
        Assert.True(IsValid(Spec(evaluation: "~")));
        Assert.True(IsValid(Spec(model: "{trainer: toy, options: {hidden_layers: [64, 32], threads: ~}}")));
        Assert.True(IsValid(Spec(preprocessing: "[{impute: ~}, {normalize: {method: robust}}, pca]")));
    }

    [Theory]
    [InlineData("evaluation", "{fold: 5}")]
    [InlineData("evaluation", "{folds: 1}")]
    [InlineData("evaluation", "{method: k-fold}")]
    [InlineData("evaluation", "{method: holdout, folds: 3}")]
    [InlineData("evaluation", "{test_fraction: 0.3}")]
    [InlineData("evaluation", "{test_fraction: 1.0, method: holdout}")]
    [InlineData("evaluation", "{stratify: yes}")]
    [InlineData("model", "{trainer: lightgmb}")]
    [InlineData("model", "{trainer: fasttree, options: {tress: 5}}")]
    [InlineData("model", "{trainer: lightgbm, options: {learning_rate: 2}}")]
    [InlineData("model", "{trainer: toy, options: {booster: gbtd}}")]
    [InlineData("model", "{trainer: toy, options: {hidden_layers: [0]}}")]
    [InlineData("model", "{name: 'two words', trainer: sdca}")]
    [InlineData("model", "{name: x}")]
    [InlineData("preprocessing", "[normalise]")]
    [InlineData("preprocessing", "[{normalize: {method: zscore}, pca: {components: 2}}]")]
    [InlineData("preprocessing", "[{pca: {components: 0}}]")]
    public void JsonSchemaWriter_ToJson_RejectsWhatTheLoaderRejects(string part, string value)
    {
        var yaml = part switch
        {
            "evaluation" => Spec(evaluation: value),
            "model" => Spec(model: value),
            _ => Spec(preprocessing: value),
        };
        using var folder = new SpecFolder();

        Assert.False(IsValid(yaml));
        Assert.Throws<SpecException>(() => folder.Parse(yaml));
    }
}
