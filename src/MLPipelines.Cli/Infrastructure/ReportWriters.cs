using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Experiments;
using MLPipelines.Reports.Markdown;
using MLPipelines.Results;
using MLPipelines.Results.Experiments;

namespace MLPipelines.Cli.Infrastructure;

/// <summary>
/// The report writers every verb uses (<c>run</c>, <c>experiment</c>, <c>report</c>); a spec's or experiment's
/// <c>report.formats</c> picks among them by <see cref="IRunReportWriter.Format"/>. A new format is one line here.
/// </summary>
internal static class ReportWriters
{
    /// <summary>Writers of one run's folder: <c>report.md</c>, <c>report.html</c>.</summary>
    public static IReadOnlyList<IRunReportWriter> ForRuns() => Components.RunReportWriters();

    /// <summary>Writers of an experiment's folder: <c>experiment.md</c>, <c>cd.svg</c>, <c>experiment.html</c>.</summary>
    public static IReadOnlyList<IExperimentReportWriter> ForExperiments() =>
    [
        new ExperimentMarkdownWriter(),
        new CriticalDifferenceSvgWriter(),
        new ExperimentHtmlWriter(),
    ];
}
