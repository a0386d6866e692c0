namespace MLPipelines.Results.Experiments;

/// <summary>
/// Writes one report of an experiment into its folder from <see cref="ExperimentResults"/> (e.g.
/// <c>experiment.md</c>, <c>cd.svg</c>, <c>experiment.html</c>). Reports live outside Core; the CLI hands the
/// writers to the experiment runner, which calls those whose <see cref="Format"/> is listed in the experiment's
/// <c>report.formats</c> before the folder is completed. Each dataset's run folder is next to it
/// (<see cref="ExperimentDataset.RunDirectory"/>), with its own <c>results.json</c>.
/// </summary>
public interface IExperimentReportWriter
{
    /// <summary>The <c>report.formats</c> name, e.g. <c>markdown</c>, <c>svg</c>, <c>html</c>.</summary>
    string Format { get; }

    /// <summary>Writes the report into <paramref name="experimentDirectory"/>.</summary>
    void Write(ExperimentResults results, string experimentDirectory);
}
