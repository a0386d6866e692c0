using MLPipelines.Spec.Experiments;

namespace MLPipelines.Spec.Tests.Experiments;

public sealed class ExperimentLoaderTests
{
    private const string Models = "models:\n  - {name: trees, trainer: fasttree}\n  - {name: linear, trainer: lbfgs}\n";

    private static IReadOnlyList<string> Errors(SpecFolder folder, string yaml) =>
        [.. Assert.Throws<SpecException>(() => Parse(folder, yaml)).Errors.Select(e => e.ToString())];

    private static ExperimentSpec Parse(SpecFolder folder, string yaml) =>
        new ExperimentLoader(SpecFolder.Registry()).Parse(yaml, Path.Combine(folder.Root, "e.yaml"), "e.yaml");

    [Fact]
    public void ExperimentLoader_Parse_BuildsOnePipelinePerDatasetWithTheSharedModelsAndEvaluation()
    {
        using var folder = new SpecFolder();
        folder.Write("other.csv", "p,q,z\n1,a,x\n2,b,y\n3,a,x\n");
        folder.Write("p.yaml", "name: from-spec\ndata: {path: other.csv, label: z}\npreprocessing: [impute]\nmodels: [sdca]\n");

        var experiment = Parse(folder, SpecFolder.Lines(
            "name: e",
            "evaluation: {folds: 3, seed: 9}",
            "metric: accuracy",
            Models.TrimEnd('\n'),
            "datasets:",
            "  - {name: inline, data: {path: data.csv, label: y}}",
            "  - p.yaml",
            "report: {baseline: linear, feature_importance: true}"));

        Assert.Equal(["trees", "linear"], experiment.Models);
        Assert.Equal(["inline", "from-spec"], experiment.Datasets.Select(d => d.Name));
        var (inline, fromSpec) = (experiment.Datasets[0].Pipeline, experiment.Datasets[1].Pipeline);
        Assert.Equal(Path.Combine(folder.Root, "data.csv"), inline.Data.Path);
        Assert.Equal(["trees", "linear"], fromSpec.Models.Select(m => m.Name));
        Assert.NotSame(inline.Models[0], fromSpec.Models[0]);
        Assert.All(experiment.Datasets, d => Assert.Equal((3, 9, "accuracy"), (d.Pipeline.Evaluation.Folds, d.Pipeline.Evaluation.Seed, d.Pipeline.Evaluation.PrimaryMetric)));
        Assert.Equal(["impute", "one_hot"], inline.Preprocessing.Select(s => s.Kind));
        Assert.Equal(["impute"], fromSpec.Preprocessing.Select(s => s.Kind));
        Assert.Equal(("linear", true, false), (inline.Report.Baseline, inline.Report.FeatureImportance, inline.Report.AllPairs));
        Assert.Equal(["json", "markdown", "svg"], experiment.Formats);
        Assert.Equal(["json", "markdown"], inline.Report.Formats);
        // Positions of a dataset's keys point into the experiment file, so later data errors can name them.
        Assert.Equal(new SourceLocation("e.yaml", 8, 50), inline.LocationOf("data.label"));
        Assert.Equal(new SourceLocation("e.yaml", 3, 9), inline.LocationOf("evaluation.primary_metric"));
    }

    [Fact]
    public void ExperimentLoader_Parse_ReportsEveryProblemWithFileLineAndColumn()
    {
        using var folder = new SpecFolder();

        var errors = Errors(folder, SpecFolder.Lines(
            "name: e",
            "folds: 3",
            "metric: acuracy",
            "models:",
            "  - {name: trees, trainer: fasttre}",
            "  - {name: linear, trainer: lbfgs, options: {l3: 1}}",
            "datasets:",
            "  - {name: a, data: {path: data.csv, label: y}, colour: red}",
            "  - {name: a, data: {path: missing.csv, label: y}}",
            "  - {spec: p.yaml, data: {path: data.csv, label: y}}",
            "  - {name: b}",
            "report: {baseline: lineer, formats: [pdf], reference: tres}"));

        Assert.Equal(
        [
            "e.yaml:2:1: folds: unknown key; 'folds' belongs under 'evaluation'",
            "e.yaml:3:9: metric: must be one of auc, accuracy, f1, log_loss, auprc, macro_accuracy, rmse, mae, r2; got 'acuracy'; did you mean 'accuracy'?",
            "e.yaml:5:28: models[0].trainer: unknown trainer 'fasttre'; did you mean 'fasttree'? (known trainers: fastforest, fasttree, lbfgs, lightgbm, sdca, toy)",
            "e.yaml:6:46: models[1].options.l3: unknown option of trainer 'lbfgs'; did you mean 'l2'?",
            "e.yaml:8:49: datasets[0].colour: unknown key of a dataset; expected one of: name, spec, data",
            "e.yaml:9:12: datasets[1].name: duplicate dataset name 'a' (also datasets[0]); give each dataset a distinct name",
            $"e.yaml:9:28: datasets[1].data.path: file not found: {Path.Combine(folder.Root, "missing.csv")}; relative paths are resolved against {folder.Root}",
            "e.yaml:10:12: datasets[2].spec: give either spec (a pipeline file) or data (a data section), not both",
            "e.yaml:11:5: datasets[3]: a dataset needs spec (a pipeline file) or data (a data section, as in a pipeline)",
            "e.yaml:12:20: report.baseline: no model is named 'lineer'; did you mean 'linear'? (models: trees, linear)",
            "e.yaml:12:38: report.formats[0]: must be one of json, markdown, svg, html; got 'pdf'",
            "e.yaml:12:55: report.reference: no model is named 'tres'; did you mean 'trees'? (models: trees, linear)",
        ], errors);
    }

    [Fact]
    public void ExperimentLoader_Parse_NeedsTwoModelsAndTwoDatasets()
    {
        using var folder = new SpecFolder();

        var errors = Errors(folder, SpecFolder.Lines(
            "name: e",
            "models: [lbfgs]",
            "datasets:",
            "  - {data: {path: data.csv, label: y}}"));

        Assert.Equal(
        [
            "e.yaml:2:1: models: an experiment compares at least two models; add another (e.g. a linear baseline)",
            "e.yaml:4:3: datasets: an experiment needs at least 2 datasets to rank models over (the Friedman test), got 1",
        ], errors);
    }

    [Fact]
    public void ExperimentLoader_Parse_ErrorsInASpecDatasetPointIntoThatFile()
    {
        using var folder = new SpecFolder();
        var pipeline = folder.Write("p.yaml", "name: p\ndata: {path: data.csv, labl: y}\nmodels: [lbfgs]\n");

        var errors = Errors(folder, "name: e\n" + Models + "datasets: [p.yaml, {data: {path: data.csv, label: y}}]\n");

        Assert.Contains(errors, e => e.StartsWith(Infrastructure(pipeline) + ":2:24: data.labl: unknown key; did you mean 'label'?", StringComparison.Ordinal));
    }

    [Fact]
    public void ExperimentLoader_Parse_TestSetIsNotAnExperimentEvaluation()
    {
        using var folder = new SpecFolder();

        var errors = Errors(folder, "name: e\nevaluation: {method: test_set}\n" + Models + "datasets: [{data: {path: data.csv, label: y}}, {name: b, data: {path: data.csv, label: y}}]\n");

        Assert.Equal(["e.yaml:2:22: evaluation.method: must be one of kfold, holdout; got 'test_set'"], errors);
    }

    [Fact]
    public void ExperimentLoader_IsExperimentFile_TellsExperimentsFromPipelines()
    {
        using var folder = new SpecFolder();

        Assert.True(ExperimentLoader.IsExperimentFile(folder.Write("e.yaml", "name: e\ndatasets: []\n")));
        Assert.False(ExperimentLoader.IsExperimentFile(folder.Write("p.yaml", "name: p\ndata: {path: data.csv}\n")));
        Assert.False(ExperimentLoader.IsExperimentFile(folder.Write("bad.yaml", "name: [\n")));
    }

    /// <summary>How the loader names a pipeline file it opened: relative to the current folder when below it.</summary>
    private static string Infrastructure(string path) => DisplayPath.Of(path);
}
