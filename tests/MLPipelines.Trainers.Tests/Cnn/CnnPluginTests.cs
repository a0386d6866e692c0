using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Spec;
using MLPipelines.Trainers.Cnn;
using MLPipelines.Trainers.Cnn.Plugin;
using MLPipelines.Trainers.Mlp.Plugin;

namespace MLPipelines.Trainers.Tests.Cnn;

/// <summary><c>trainer: cnn</c> in pipeline files: option validation with positions, image runs next to mlp and lightgbm, tables rejected.</summary>
[Collection(CnnCollection.Name)]
public sealed class CnnPluginTests
{
    private static TrainerRegistry Registry() =>
        BuiltinTrainers.CreateRegistry().Register(new MlpTrainerPlugin()).Register(new CnnTrainerPlugin());

    /// <summary>An image spec (the repository's 8x8 digits; not read by these checks) whose line 9 is the cnn model's options.</summary>
    private static string Spec(string options) => string.Join('\n',
        "name: t",
        "data:",
        "  kind: images",
        "  format: csv_pixels",
        $"  path: {Digits}",
        "  label: digit",
        "models:",
        "  - {name: cnn, trainer: cnn,",
        $"     options: {options}}}",
        "");

    private static string Digits => Path.Combine(TestFiles.RepoRoot, "datasets", "digits.csv");

    private static IReadOnlyList<string> Errors(string yaml)
    {
        var error = Assert.Throws<SpecException>(() => new SpecLoader(Registry()).Parse(yaml, Path.Combine(TestFiles.NewFolder(), "x.yaml"), "x.yaml"));
        return [.. error.Errors.Select(e => e.ToString())];
    }

    [Fact]
    public void CnnTrainerPlugin_Spec_MisspeltOptionGetsPositionAndSuggestion()
    {
        var error = Assert.Single(Errors(Spec("{epoch: 3}")));

        Assert.Equal("x.yaml:9:16: models[0].options.epoch: unknown option of trainer 'cnn'; did you mean 'epochs'?", error);
    }

    [Theory]
    [InlineData("{architecture: tiny}", "models[0].options.architecture: must be one of default, reference, small, resnet; got 'tiny'")]
    [InlineData("{layers: 'conv(16) bn relux'}", "models[0].options.layers: item 3 'relux': unknown layer 'relux'; did you mean 'relu'?")]
    [InlineData("{crop_padding: 100}", "models[0].options.crop_padding: must be >= 0 and <= 64, got 100")]
    [InlineData("{early_stopping: true, validation_fraction: 0}", "models[0].options.early_stopping: needs a validation split")]
    public void CnnTrainerPlugin_Spec_BadValuesAreRejectedWithPositions(string options, string expected)
    {
        var error = Assert.Single(Errors(Spec(options)));

        Assert.StartsWith("x.yaml:9:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fashion-mnist-subset.yaml", "cnn,mlp,lightgbm,linear")]
    [InlineData("fashion-mnist.yaml", "cnn,mlp,lightgbm")]
    [InlineData("fashion-mnist-cnn.yaml", "cnn")]
    public void SpecLoader_Parse_CommittedFashionMnistPipelinesAreValid(string file, string models)
    {
        // The full set is not committed (fetch.sh copies it); pointed at the subset files, the specs must validate.
        var path = Path.Combine(TestFiles.RepoRoot, "pipelines", file);
        var text = File.ReadAllText(path).Replace("/fashion-mnist/full/", "/fashion-mnist/subset/", StringComparison.Ordinal);

        var spec = new SpecLoader(Registry()).Parse(text, path);

        Assert.Equal(models.Split(','), spec.Models.Select(m => m.Name));
        Assert.Equal(EvaluationMethod.TestSet, spec.Evaluation.Method);
    }

    [Fact]
    public void CnnTrainerPlugin_Options_DefaultsMatchCnnOptions()
    {
        var defaults = new CnnOptions();
        var options = new CnnTrainerPlugin().Options.ToDictionary(o => o.Name, o => o.Default);

        var bound = new CnnTrainerPlugin().Bind(options);

        Assert.Equal(defaults.Architecture, bound.Architecture);
        Assert.Null(bound.Layers);
        Assert.Equal(defaults.Epochs, bound.Epochs);
        Assert.Equal(defaults.LearningRate, bound.LearningRate);
        Assert.Equal(defaults.Schedule, bound.Schedule);
        Assert.Equal(defaults.CropPadding, bound.CropPadding);
        Assert.Equal("one_cycle", options["schedule"]);
        Assert.Equal("adamw", options["optimizer"]);
    }

    [Fact]
    public void PipelineRunner_Run_CnnBesideMlpAndLightGbmOnImagesWritesCurvesAndLoadableModels()
    {
        var folder = TestFiles.NewFolder();
        var random = new Random(4);
        File.WriteAllLines(Path.Combine(folder, "shapes.csv"), [
            "shape," + string.Join(',', Enumerable.Range(0, 64).Select(i => $"p{i}")),
            .. Enumerable.Range(0, 300).Select(i => TinyImages.Row(random, i % 3)).Select(r =>
                r.Name + "," + string.Join(',', r.Features.Select(v => ((int)(v * 255)).ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        ]);
        var yaml = Path.Combine(folder, "shapes.yaml");
        File.WriteAllText(yaml, string.Join('\n',
            "name: shapes-cnn",
            "data: {kind: images, format: csv_pixels, path: shapes.csv, label: shape}",
            "evaluation: {method: holdout, test_fraction: 0.25, seed: 3}",
            "report: {feature_importance: false}",
            "models:",
            "  - {name: cnn, trainer: cnn, options: {layers: 'conv(8) bn relu maxpool(2) conv(16) bn relu gap', epochs: 8, batch_size: 32, learning_rate: 0.01, horizontal_flip: false, crop_padding: 1, threads: 1}}",
            "  - {name: mlp, trainer: mlp, options: {hidden_layers: [64], epochs: 40}}",
            "  - {name: lightgbm, trainer: lightgbm, options: {iterations: 20}}",
            ""));
        var spec = new SpecLoader(Registry()).Load(yaml);
        var output = Path.Combine(folder, "run");

        var results = new PipelineRunner(Registry()).Run(spec, new RunOptions { OutputDirectory = output }).Results;

        Assert.Equal(["cnn", "mlp", "lightgbm"], results.Models.Select(m => m.Name));
        Assert.All(results.Models, m => Assert.True(m.Metrics["accuracy"].Mean > 0.85, $"{m.Name} accuracy {m.Metrics["accuracy"].Mean}"));
        var cnn = results.Models[0];
        Assert.Equal("neural", cnn.Family);
        var log = Assert.Single(cnn.Folds).TrainingLog!;
        Assert.Equal(8, log.Epochs.Count);
        Assert.All(log.Epochs, e => Assert.NotNull(e.ValidationMetric));
        Assert.InRange(log.Values["best_epoch"], 1, 8);
        Assert.Contains("\"validation_loss\"", File.ReadAllText(Path.Combine(output, "results.json")), StringComparison.Ordinal);
        var loaded = new MLContext(11).Model.Load(Path.Combine(output, "models", "cnn.zip"), out var schema);
        Assert.NotNull(loaded.GetOutputSchema(schema).GetColumnOrNull("PredictedLabel"));
    }

    [Fact]
    public void SpecLoader_Load_CnnOnATableIsRejectedWithThePositionBeforeAnyData()
    {
        var folder = TestFiles.NewFolder();
        File.WriteAllLines(Path.Combine(folder, "data.csv"), ["x,z,y", .. Enumerable.Range(0, 40).Select(i => $"{i % 13},{i % 5},c{i % 3}")]);
        var yaml = Path.Combine(folder, "table.yaml");
        File.WriteAllText(yaml, "name: table\ndata: {path: data.csv, label: y}\nevaluation: {folds: 2}\nmodels:\n  - {name: cnn, trainer: cnn}\n");

        var e = Assert.Throws<SpecException>(() => new SpecLoader(Registry()).Load(yaml));

        var error = Assert.Single(e.Errors).ToString();
        Assert.EndsWith("table.yaml:5:26: models[0].trainer: trainer 'cnn' needs images, and this pipeline's data is a table; " +
            "set data.kind: images (formats idx, folders, csv_pixels), or use trainer: mlp for a table", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecLoader_Parse_CnnAfterAPcaStepIsRejectedAtTheStep()
    {
        var yaml = Spec("{epochs: 1}").Replace("models:", "preprocessing:\n  - pca: {components: 8}\nmodels:", StringComparison.Ordinal);

        var error = Assert.Single(Errors(yaml));

        Assert.Equal("x.yaml:8:5: preprocessing[0]: trainer 'cnn' (model 'cnn') needs the pixels as images, and pca replaces them by " +
            "components; give models[0] its own 'preprocessing: []'", error);
    }
}
