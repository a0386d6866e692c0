using MLPipelines.Core.Trainers;
using MLPipelines.Reports.Html;
using MLPipelines.Reports.Markdown;
using MLPipelines.Results;
using MLPipelines.Trainers.Cnn.Plugin;
using MLPipelines.Trainers.Mlp.Plugin;
using MLPipelines.XGBoost.Plugin;

namespace MLPipelines;

/// <summary>
/// The pieces every front end wires the same way (the <c>mlpipe</c> CLI and this API): the trainer registry and the
/// run report writers.
/// </summary>
public static class Components
{
    /// <summary>ML.NET's built-in trainers plus ours: <c>mlp</c>, <c>cnn</c>, <c>xgboost</c>.</summary>
    public static TrainerRegistry CreateTrainerRegistry() =>
        BuiltinTrainers.CreateRegistry()
            .Register(new MlpTrainerPlugin())
            .Register(new CnnTrainerPlugin())
            .Register(new XGBoostTrainerPlugin());

    /// <summary>The reports a run writes besides results.json: <c>report.md</c> and <c>report.html</c>.</summary>
    public static IReadOnlyList<IRunReportWriter> RunReportWriters() => [new MarkdownReportWriter(), new HtmlReportWriter()];
}
