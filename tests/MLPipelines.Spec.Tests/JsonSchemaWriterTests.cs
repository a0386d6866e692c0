using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec.Tests;

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

    private const string IdxData = "{kind: images, format: idx, train: {images: a.gz, labels: b.gz}, test: {images: c.gz, labels: d.gz}}";

    private static string ImageSpec(string data, string evaluation = "~", string preprocessing = "[]") =>
        SpecFolder.Lines("name: t", $"data: {data}", $"evaluation: {evaluation}", $"preprocessing: {preprocessing}", "models: [lightgbm]");

    [Fact]
    public void JsonSchemaWriter_ToJson_AcceptsImageSpecs()
    {
        Assert.True(IsValid(ImageSpec(IdxData, "{method: test_set}")));
        Assert.True(IsValid(ImageSpec("{kind: images, format: idx, train: {images: a.gz, labels: b.gz}, classes: [x, y]}", "{method: holdout}")));
        Assert.True(IsValid(ImageSpec("{kind: images, format: folders, path: photos, image: {width: 32, height: 32, channels: 3, resize: bilinear}, skip_unreadable: true}")));
        Assert.True(IsValid(ImageSpec("{kind: images, format: folders, train: a, test: b}", "{method: test_set}")));
        Assert.True(IsValid(ImageSpec("{kind: images, format: csv_pixels, path: d.csv, label: digit, pixel_max: 16, image: {width: 8, height: 8}}", "{folds: 3}", "[normalize, pca]")));
    }

    [Theory]
    [InlineData("{kind: images, path: photos}")]
    [InlineData("{kind: images, format: idx, train: a.gz}")]
    [InlineData("{kind: images, format: idx, path: a.gz}")]
    [InlineData("{kind: images, format: idx, train: {images: a.gz}}")]
    [InlineData("{kind: images, format: idx, train: {images: a.gz, labels: b.gz}, label: y}")]
    [InlineData("{kind: images, format: folders, train: {images: a.gz, labels: b.gz}}")]
    [InlineData("{kind: images, format: folders, path: a, train: b}")]
    [InlineData("{kind: images, format: folders, path: a, test: b}")]
    [InlineData("{kind: images, format: folders, path: a, pixel_max: 16}")]
    [InlineData("{kind: images, format: folders, path: a, columns: {ignore: [x]}}")]
    [InlineData("{kind: images, format: csv_pixels, path: d.csv}")]
    [InlineData("{kind: images, format: csv_pixels, path: d.csv, label: y, image: {resize: area}}")]
    [InlineData("{kind: images, format: csv_pixels, path: d.csv, label: y, skip_unreadable: true}")]
    [InlineData("{path: d.csv, label: y, format: idx}")]
    [InlineData("{path: d.csv, label: y, image: {width: 8}}")]
    [InlineData("{path: d.csv}")]
    public void JsonSchemaWriter_ToJson_RejectsImageKeysThatDoNotApply(string data)
    {
        Assert.False(IsValid(ImageSpec(data)));
    }
}
