using MLPipelines.Results;

namespace MLPipelines.Spec.Tests;

/// <summary>Specs without <c>data.task</c>: the runner infers it and calls <see cref="SpecLoader.Resolve"/>, which returns a new, resolved spec.</summary>
public sealed class SpecLoaderResolveTaskTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PipelineSpec Load(params string[] extraLines) =>
        _folder.Parse(SpecFolder.Lines(["name: t", "data: {path: data.csv, label: y}", .. extraLines]));

    private static SpecLoader Loader() => new(SpecFolder.Registry());

    [Theory]
    [InlineData(TaskKind.Binary, true, "accuracy")]
    [InlineData(TaskKind.Multiclass, true, "accuracy")]
    [InlineData(TaskKind.Regression, false, "rmse")]
    public void SpecLoader_Resolve_FillsTaskDefaults(TaskKind task, bool stratify, string metric)
    {
        var loaded = Load("models: [sdca]");

        var spec = Loader().Resolve(loaded, task);

        Assert.Equal(task, spec.Data.Task);
        Assert.Equal(stratify, spec.Evaluation.Stratify);
        Assert.Equal(metric, spec.Evaluation.PrimaryMetric);
        Assert.True(spec.IsResolved);
        Assert.Equal((null, null, null), (loaded.Data.Task, loaded.Evaluation.Stratify, loaded.Evaluation.PrimaryMetric));
    }

    [Fact]
    public void SpecLoader_Resolve_KeepsWrittenChoices()
    {
        var spec = Loader().Resolve(Load("evaluation: {stratify: false, primary_metric: auc}", "models: [sdca]"), TaskKind.Binary);

        Assert.False(spec.Evaluation.Stratify);
        Assert.Equal("auc", spec.Evaluation.PrimaryMetric);
    }

    [Fact]
    public void SpecLoader_Resolve_OptionOfAnotherTask_IsReportedAtItsLine()
    {
        var spec = Load("models:", "  - {trainer: toy, options: {unbalanced: true}}");

        var error = Assert.Throws<SpecException>(() => Loader().Resolve(spec, TaskKind.Multiclass));

        Assert.Equal("x.yaml:4:42: models[0].options.unbalanced: applies only to binary tasks, and this pipeline's task is multiclass", error.Message);
    }

    [Fact]
    public void SpecLoader_Resolve_TrainerWithoutTheTask_IsReported()
    {
        var spec = Load("models: [lightgbm, toy]");

        var error = Assert.Throws<SpecException>(() => Loader().Resolve(spec, TaskKind.Regression));

        Assert.Equal("x.yaml:3:20: models[1].trainer: trainer 'toy' does not support regression; it supports binary, multiclass", error.Message);
    }

    [Fact]
    public void SpecLoader_Resolve_RunsThePluginRulesWithTheTask()
    {
        // The toy trainer allows at most 3 hidden layers for multiclass only; the task-free load accepts 4.
        var spec = Load("models:", "  - {trainer: toy, options: {hidden_layers: [8, 8, 8, 8]}}");
        Loader().Resolve(Load("models:", "  - {trainer: toy, options: {hidden_layers: [8, 8, 8, 8]}}"), TaskKind.Binary);

        var error = Assert.Throws<SpecException>(() => Loader().Resolve(spec, TaskKind.Multiclass));

        Assert.Equal("x.yaml:4:20: models[0].options: multiclass toy models take at most 3 hidden layers", error.Message);
    }

    [Fact]
    public void SpecLoader_Resolve_MetricAndTransformOfAnotherTask_AreReported()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: t",
            "data: {path: data.csv, label: y, label_transform: log}",
            "evaluation: {primary_metric: rmse}",
            "models: [sdca]"));

        var error = Assert.Throws<SpecException>(() => Loader().Resolve(spec, TaskKind.Multiclass));

        Assert.Equal(
            [
                "x.yaml:2:51: data.label_transform: 'log' applies only to regression, and this pipeline's task is multiclass",
                "x.yaml:3:30: evaluation.primary_metric: 'rmse' is not a multiclass metric; choose one of accuracy, macro_accuracy, log_loss",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void SpecLoader_Resolve_OtherThanTheWrittenTask_IsAProgrammingError()
    {
        var spec = _folder.Parse(SpecFolder.Lines("name: t", "data: {path: data.csv, label: y, task: binary}", "models: [sdca]"));

        Assert.Throws<InvalidOperationException>(() => Loader().Resolve(spec, TaskKind.Regression));
        Loader().Resolve(spec, TaskKind.Binary);
    }

    [Fact]
    public void SpecException_ForKey_PointsAtTheWrittenKey()
    {
        // The runner reports a label column missing from the CSV header this way.
        var spec = Load("models: [sdca]");

        var error = SpecException.ForKey(spec, "data.label", "column 'y' is not in the header of data.csv; did you mean 'Y'?");

        Assert.Equal("x.yaml:2:31: data.label: column 'y' is not in the header of data.csv; did you mean 'Y'?", error.Message);
    }
}
