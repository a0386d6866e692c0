using MLPipelines.Results;

namespace MLPipelines.Spec.Tests;

public sealed class SpecLoaderTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SpecLoader_Load_IssueExample_ResolvesEveryKey()
    {
        // Given the example of issue 2 in pipelines/, with its data in ../datasets/
        var csv = _folder.Write("datasets/letter.csv", "lettr,x\nA,1\n");
        var path = _folder.Write("pipelines/letter.yaml", ExampleSpecs.IssueExample);

        // When it is loaded
        var spec = new SpecLoader(SpecFolder.Registry()).Load(path);

        // Then every key holds the written value, and the task-dependent defaults are filled
        Assert.Equal("letter-gbdt", spec.Name);
        Assert.Equal(path, spec.SourcePath);
        Assert.Equal(csv, spec.Data.Path);
        Assert.Equal("lettr", spec.Data.Label);
        Assert.Equal(TaskKind.Multiclass, spec.Data.Task);
        Assert.Equal(EvaluationMethod.KFold, spec.Evaluation.Method);
        Assert.Equal(5, spec.Evaluation.Folds);
        Assert.Equal(1, spec.Evaluation.Repeats);
        Assert.True(spec.Evaluation.Stratify);
        Assert.Equal(42, spec.Evaluation.Seed);
        Assert.Equal("accuracy", spec.Evaluation.PrimaryMetric);
        Assert.Equal(["impute", "one_hot", "normalize", "pca"], spec.Preprocessing.Select(s => s.Kind));
        Assert.Equal(8L, spec.Preprocessing[3].Options["components"]);
        Assert.Equal(["lightgbm", "fasttree", "linear"], spec.Models.Select(m => m.Name));
        Assert.Equal(["lightgbm", "fasttree", "sdca"], spec.Models.Select(m => m.Trainer));
        Assert.Equal(300L, spec.Models[0].Options["iterations"]);
        Assert.Equal(0.1, spec.Models[0].Options["learning_rate"]);
        Assert.Equal(["impute"], spec.Models[1].Preprocessing!.Select(s => s.Kind));
        Assert.Null(spec.Models[2].Preprocessing);
        Assert.Equal(["json", "markdown"], spec.Report.Formats);
    }

    [Fact]
    public void SpecLoader_Parse_MinimalSpec_FillsEveryDefault()
    {
        var spec = _folder.Parse(SpecFolder.Lines("name: m", "data: {path: data.csv, label: y}", "models: [lightgbm]"));

        Assert.Equal(1, spec.Version);
        Assert.Null(spec.Data.Task);
        Assert.Equal(LabelTransform.None, spec.Data.LabelTransform);
        Assert.Null(spec.Data.Separator);
        Assert.Equal(["", "NA", "?"], spec.Data.MissingValues);
        Assert.Empty(spec.Data.Columns.Ignore);
        Assert.Equal(EvaluationMethod.KFold, spec.Evaluation.Method);
        Assert.Equal(5, spec.Evaluation.Folds);
        Assert.Equal(1, spec.Evaluation.Repeats);
        Assert.Null(spec.Evaluation.Stratify);
        Assert.Equal(0.2, spec.Evaluation.TestFraction);
        Assert.Equal(42, spec.Evaluation.Seed);
        Assert.Null(spec.Evaluation.PrimaryMetric);
        Assert.Equal(["impute", "one_hot"], spec.Preprocessing.Select(s => s.Kind));
        Assert.Equal("median", spec.Preprocessing[0].Options["numeric"]);
        Assert.Equal("most_frequent", spec.Preprocessing[0].Options["categorical"]);
        Assert.Equal(false, spec.Preprocessing[0].Options["add_indicator"]);
        Assert.Equal(64L, spec.Preprocessing[1].Options["max_categories"]);
        Assert.Equal("hash", spec.Preprocessing[1].Options["high_cardinality"]);
        var model = Assert.Single(spec.Models);
        Assert.Equal("lightgbm", model.Name);
        Assert.Equal(100L, model.Options["iterations"]);
        Assert.True(model.Options.ContainsKey("threads"));
        Assert.Null(model.Options["threads"]);
        Assert.Equal(["json", "markdown", "html"], spec.Report.Formats);
        Assert.Null(spec.Report.Baseline);
    }

    [Fact]
    public void SpecLoader_Parse_RichSpec_ReadsLessCommonKeys()
    {
        var spec = _folder.Parse(ExampleSpecs.Rich);

        Assert.Equal("rich.run_2", spec.Name);
        Assert.Equal("2019", spec.Data.Label);
        Assert.Equal(TaskKind.Regression, spec.Data.Task);
        Assert.Equal(LabelTransform.Log, spec.Data.LabelTransform);
        Assert.Equal('\t', spec.Data.Separator);
        Assert.Equal(["", "NA", "-", "null"], spec.Data.MissingValues);
        Assert.Equal(["zip", "007"], spec.Data.Columns.Categorical);
        Assert.Equal(EvaluationMethod.Holdout, spec.Evaluation.Method);
        Assert.Equal(3, spec.Evaluation.Repeats);
        Assert.Equal(0.25, spec.Evaluation.TestFraction);
        Assert.False(spec.Evaluation.Stratify);
        Assert.Equal("mae", spec.Evaluation.PrimaryMetric);
        Assert.Equal(["impute", "normalize", "pca"], spec.Preprocessing.Select(s => s.Kind));
        Assert.Equal("mean", spec.Preprocessing[0].Options["numeric"]);
        Assert.Equal("most_frequent", spec.Preprocessing[0].Options["categorical"]);
        Assert.Equal(true, spec.Preprocessing[0].Options["add_indicator"]);
        Assert.Equal("robust", spec.Preprocessing[1].Options["method"]);
        Assert.Equal(3L, spec.Preprocessing[2].Options["components"]);
        Assert.Equal(["lightgbm", "gbm-fast", "linear"], spec.Models.Select(m => m.Name));
        Assert.Empty(spec.Models[1].Preprocessing!);
        Assert.Equal(2L, spec.Models[1].Options["threads"]);
        Assert.Equal(0.001, spec.Models[2].Options["l2"]);
        Assert.Null(spec.Models[2].Options["max_iterations"]);
        Assert.Equal(["html", "json"], spec.Report.Formats);
        Assert.Equal("gbm-fast", spec.Report.Baseline);
    }

    [Fact]
    public void SpecLoader_Parse_WrittenKeys_RecordTheirPositions()
    {
        var spec = _folder.Parse(ExampleSpecs.Rich);

        Assert.Equal(new SourceLocation("x.yaml", 5, 10), spec.Locations["data.label"]);
        Assert.Equal(new SourceLocation("x.yaml", 26, 82), spec.Locations["models[1].options.iterations"]);
        Assert.Equal(new SourceLocation("x.yaml", 31, 23), spec.Locations["models[2].options.max_iterations"]);
        Assert.Equal(new SourceLocation("x.yaml", 22, 5), spec.Locations["preprocessing[1].normalize"]);
        Assert.Equal(new SourceLocation("x.yaml", 22, 25), spec.Locations["preprocessing[1].normalize.method"]);
        Assert.Equal(new SourceLocation("x.yaml", 12, 24), spec.Locations["data.columns.categorical[1]"]);
        // A key left out reports at its closest written parent.
        Assert.Equal(spec.Locations["models[2].options"], spec.LocationOf("models[2].options.convergence_tolerance"));
    }

    [Fact]
    public void SpecLoader_Parse_OptionValues_AreTypedAsTheContractSays()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: m",
            "data: {path: data.csv, label: y}",
            "models:",
            "  - {trainer: toy, options: {hidden_layers: [64, 32], subsample: 1}}"));

        var options = spec.Models[0].Options;
        Assert.IsType<long>(options["epochs"]);
        Assert.IsType<double>(options["subsample"]);
        Assert.Equal([64L, 32L], Assert.IsType<List<object>>(options["hidden_layers"]));
        Assert.Equal([256L, 256L], Assert.IsType<List<object>>(_folder.Parse(SpecFolder.Lines(
            "name: m", "data: {path: data.csv, label: y}", "models: [toy]")).Models[0].Options["hidden_layers"]));
        Assert.Equal(["booster", "subsample", "hidden_layers", "unbalanced", "epochs", "threads"], options.Keys);
    }

    [Fact]
    public void SpecLoader_Parse_ModelPreprocessing_ReplacesOrInheritsTheDefault()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: m",
            "data: {path: data.csv, label: y}",
            "preprocessing: [impute, normalize]",
            "models:",
            "  - {name: a, trainer: lightgbm, preprocessing: []}",
            "  - {name: b, trainer: lightgbm}",
            "  - {name: c, trainer: lightgbm, preprocessing: [one_hot]}"));

        Assert.Empty(spec.Models[0].EffectivePreprocessing(spec.Preprocessing));
        Assert.Equal(["impute", "normalize"], spec.Models[1].EffectivePreprocessing(spec.Preprocessing).Select(s => s.Kind));
        Assert.Equal(["one_hot"], spec.Models[2].EffectivePreprocessing(spec.Preprocessing).Select(s => s.Kind));
    }

    [Fact]
    public void SpecLoader_Parse_EmptyPreprocessingList_MeansNone()
    {
        var spec = _folder.Parse(SpecFolder.Lines("name: m", "data: {path: data.csv, label: y}", "preprocessing: []", "models: [sdca]"));

        Assert.Empty(spec.Preprocessing);
    }

    [Fact]
    public void SpecLoader_Parse_AnchorsAndMergeKeys_AreExpanded()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: m",
            "data: {path: data.csv, label: y}",
            "models:",
            "  - {name: a, trainer: lightgbm, options: &gbm {iterations: 50, num_leaves: 15}}",
            "  - name: b",
            "    trainer: lightgbm",
            "    options:",
            "      <<: *gbm",
            "      learning_rate: 0.05",
            "      iterations: 10",
            "  - {name: c, trainer: lightgbm, options: {<<: [{max_bin: 63}, *gbm, {max_bin: 7, l1: 0.5}]}}"));

        Assert.Equal(10L, spec.Models[1].Options["iterations"]);
        Assert.Equal(15L, spec.Models[1].Options["num_leaves"]);
        Assert.Equal(0.05, spec.Models[1].Options["learning_rate"]);
        Assert.Equal(50L, spec.Models[2].Options["iterations"]);
        Assert.Equal(63L, spec.Models[2].Options["max_bin"]);
        Assert.Equal(0.5, spec.Models[2].Options["l1"]);
    }

    [Fact]
    public void SpecLoader_Parse_ErrorInMergedBlock_PointsAtTheBlock()
    {
        var yaml = SpecFolder.Lines(
            "name: m",
            "data: {path: data.csv, label: y}",
            "models:",
            "  - {name: a, trainer: lightgbm, options: &gbm {iterations: 0}}",
            "  - {name: b, trainer: lightgbm, options: {<<: *gbm}}",
            "  - {name: c, trainer: lightgbm, options: {<<: 5}}");

        Assert.Equal("x.yaml:6:48: a merge key '<<' takes a mapping or a list of mappings, e.g. '<<: *defaults'; got 5", _folder.Error(yaml));
        Assert.Equal(
            [
                "x.yaml:4:61: models[0].options.iterations: must be >= 1 and <= 100000, got 0",
                "x.yaml:4:61: models[1].options.iterations: must be >= 1 and <= 100000, got 0",
            ],
            _folder.Errors(yaml.Replace("  - {name: c, trainer: lightgbm, options: {<<: 5}}\n", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void SpecLoader_Parse_AbsoluteDataPath_IsKept()
    {
        var csv = Path.Combine(_folder.Root, "data.csv");
        var spec = _folder.Parse(SpecFolder.Lines("name: m", $"data: {{path: '{csv}', label: y}}", "models: [sdca]"));

        Assert.Equal(csv, spec.Data.Path);
    }

    [Fact]
    public void PipelineSpec_WithSeed_ReplacesSeedAndForgetsItsLine()
    {
        var loaded = _folder.Parse(SpecFolder.Lines("name: m", "data: {path: data.csv, label: y}", "evaluation: {seed: 1}", "models: [sdca]"));

        var spec = loaded.WithSeed(99);

        Assert.Equal(99, spec.Evaluation.Seed);
        Assert.False(spec.Locations.ContainsKey("evaluation.seed"));
        Assert.Equal(1, loaded.Evaluation.Seed);
        Assert.True(loaded.Locations.ContainsKey("evaluation.seed"));
        var error = Assert.Throws<SpecException>(() => spec.WithSeed(-1));
        Assert.Equal("--seed: must be >= 0, got -1", error.Message);
    }
}
