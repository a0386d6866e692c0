namespace MLPipelines.Results;

/// <summary>
/// Writes one report format into a run folder from its results (e.g. <c>report.md</c>). Reports live outside Core;
/// the CLI hands the writers to the runner, which calls those whose <see cref="Format"/> is listed in
/// <c>report.formats</c> before the folder is completed.
/// </summary>
public interface IRunReportWriter
{
    /// <summary>The <c>report.formats</c> name, e.g. <c>markdown</c>.</summary>
    string Format { get; }

    /// <summary>Writes the report into <paramref name="runDirectory"/>.</summary>
    void Write(RunResults results, string runDirectory);
}
