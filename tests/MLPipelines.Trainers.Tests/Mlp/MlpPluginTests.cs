using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Spec;
using MLPipelines.Trainers.Mlp;
using MLPipelines.Trainers.Mlp.Plugin;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary><c>trainer: mlp</c> in pipeline files: option validation with positions, and whole runs.</summary>
public sealed class MlpPluginTests
{
    private static TrainerRegistry Registry() => BuiltinTrainers.CreateRegistry().Register(new MlpTrainerPlugin());

    /// <summary>A spec whose line 8 is the mlp model's options.</summary>
    private static string Spec(string options, string task = "binary") => string.Join('\n',
        "name: t",
        "data:",
        "  path: data.csv",
        "  label: y",
        $"  task: {task}",
        "models:",
        "  - name: mlp",
        $"    trainer: mlp",
        $"    options: {options}",
        "");

    private static IReadOnlyList<string> Errors(string yaml)
    {
        var folder = TestFiles.NewFolder();
        File.WriteAllText(Path.Combine(folder, "data.csv"), "a,b,y\n1,x,0\n2,y,1\n");
        var error = Assert.Throws<SpecException>(() => new SpecLoader(Registry()).Parse(yaml, Path.Combine(folder, "x.yaml"), "x.yaml"));
        return [.. error.Errors.Select(e => e.ToString())];
    }

    [Fact]
    public void MlpTrainerPlugin_Spec_MisspeltOptionGetsPositionAndSuggestion()
    {
        var error = Assert.Single(Errors(Spec("{hiden_layers: [64, 64]}")));

        Assert.Equal("x.yaml:9:15: models[0].options.hiden_layers: unknown option of trainer 'mlp'; did you mean 'hidden_layers'?", error);
    }

    [Theory]
    [InlineData("{activation: relux}", "x.yaml:9:27: models[0].options.activation: must be one of relu, leaky_relu, gelu, silu, selu, mish, tanh; got 'relux'; did you mean 'relu'?")]
    [InlineData("{dropout: 1.5}", "x.yaml:9:24: models[0].options.dropout: must be >= 0 and < 1, got 1.5")]
    [InlineData("{hidden_layers: [64, 0]}", "x.yaml:9:35: models[0].options.hidden_layers[1]: must be >= 1 and <= 65536, got 0")]
    [InlineData("{early_stopping: true, validation_fraction: 0}", "x.yaml:9:31: models[0].options.early_stopping: needs a validation split: set validation_fraction > 0 (e.g. 0.15) or early_stopping: false")]
    public void MlpTrainerPlugin_Spec_BadValuesAreRejectedWithPositions(string options, string expected)
    {
        var error = Assert.Single(Errors(Spec(options)));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void MlpTrainerPlugin_Spec_ClassificationOnlyOptionInARegressionPipelineIsAnError()
    {
        var error = Assert.Single(Errors(Spec("{label_smoothing: 0.2}", task: "regression")));

        Assert.Equal("x.yaml:9:32: models[0].options.label_smoothing: applies only to binary and multiclass tasks, and this pipeline's task is regression", error);
    }

    [Fact]
    public void MlpTrainerPlugin_Options_DefaultsMatchMlpOptions()
    {
        var defaults = new MlpOptions();
        var options = new MlpTrainerPlugin().Options.ToDictionary(o => o.Name, o => o.Default);

        var bound = new MlpTrainerPlugin().Bind(options);

        Assert.Equal(defaults.HiddenLayers, bound.HiddenLayers);
        Assert.Equal(defaults.Activation, bound.Activation);
        Assert.Equal(defaults.LearningRate, bound.LearningRate);
        Assert.Equal(defaults.ValidationFraction, bound.ValidationFraction);
        Assert.Equal("adamw", options["optimizer"]);
        Assert.Equal("robust_clip", new MlpTrainerPlugin().Options.Single(o => o.Name == "input_scaling").Allowed[1]);
    }

    [Fact]
    public void PipelineRunner_Run_MlpWritesLearningCurvesAndALoadableModel()
    {
        var folder = TestFiles.NewFolder();
        var csv = Path.Combine(folder, "data.csv");
        var random = new Random(9);
        File.WriteAllLines(csv, ["x1,x2,city,y", .. Enumerable.Range(0, 300).Select(i =>
        {
            var (x1, x2, city) = (random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2, random.Next(6));
            var y = x1 + x2 + (city % 2 == 0 ? 1 : -1) > 0 ? "yes" : "no";
            return FormattableString.Invariant($"{x1:F3},{(i % 17 == 0 ? "" : x2.ToString("F3", System.Globalization.CultureInfo.InvariantCulture))},c{city},{y}");
        })]);
        var yaml = Path.Combine(folder, "mlp.yaml");
        File.WriteAllText(yaml, string.Join('\n',
            "name: mlp-run",
            "data: {path: data.csv, label: y}",
            "evaluation: {method: kfold, folds: 3, seed: 3}",
            "models:",
            "  - {name: mlp, trainer: mlp, options: {hidden_layers: [32], epochs: 15, batch_size: 32, threads: 1}}",
            ""));
        var spec = new SpecLoader(Registry()).Load(yaml);
        var output = Path.Combine(folder, "run");

        var results = new PipelineRunner(Registry()).Run(spec, new RunOptions { OutputDirectory = output }).Results;

        var model = Assert.Single(results.Models);
        Assert.Equal("neural", model.Family);
        Assert.True(model.Metrics["accuracy"].Mean > 0.8, $"accuracy {model.Metrics["accuracy"].Mean}");
        Assert.All(model.Folds, f =>
        {
            Assert.Equal(15, f.TrainingLog!.Epochs.Count);
            Assert.All(f.TrainingLog.Epochs, e => Assert.NotNull(e.ValidationMetric));
            Assert.InRange(f.TrainingLog.Values["best_epoch"], 1, 15);
        });
        var json = File.ReadAllText(Path.Combine(output, "results.json"));
        Assert.Contains("\"validation_loss\"", json, StringComparison.Ordinal);
        var ml = new MLContext(11);
        var loaded = ml.Model.LoadWithDataLoader(Path.Combine(output, "models", "mlp.zip"), out var loader);
        var scored = loaded.Transform(loader.Load(csv));
        Assert.Equal(300, scored.GetColumn<float>("Probability").Count(p => p is >= 0 and <= 1));
    }

    [Fact]
    public void PipelineRunner_Run_DivergingMlpFailsWithTheDivergenceMessageAndNoCompleteFolder()
    {
        var folder = TestFiles.NewFolder();
        File.WriteAllLines(Path.Combine(folder, "data.csv"), ["x,z,y", .. Enumerable.Range(0, 60).Select(i => $"{i % 13},{i % 5},{i * 3 % 7}")]);
        var yaml = Path.Combine(folder, "bad.yaml");
        File.WriteAllText(yaml, "name: bad\ndata: {path: data.csv, label: y, task: regression}\nevaluation: {folds: 2}\n" +
            "models:\n  - {name: mlp, trainer: mlp, options: {learning_rate: 1000000, hidden_layers: [16], epochs: 5}}\n");
        var output = Path.Combine(folder, "run");

        var e = Assert.Throws<NetworkTrainingException>(() =>
            new PipelineRunner(Registry()).Run(new SpecLoader(Registry()).Load(yaml), new RunOptions { OutputDirectory = output }));

        Assert.Contains("MLP training diverged", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "results.json")));
    }
}
