using System.Globalization;
using MLPipelines.Results.Experiments;

namespace MLPipelines.Reports.Charts;

/// <summary>Writes an experiment's critical-difference diagram (<see cref="CriticalDifferenceDiagram"/>) as <c>cd.svg</c>.</summary>
public sealed class CriticalDifferenceSvgWriter : IExperimentReportWriter
{
    /// <summary>Default file name inside the experiment folder.</summary>
    public const string FileName = "cd.svg";

    public string Format => "svg";

    public void Write(ExperimentResults results, string experimentDirectory)
    {
        ArgumentNullException.ThrowIfNull(results);
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{results.Name}: average rank on {results.Metric} over {results.Datasets.Count} datasets (Nemenyi CD = {results.Analysis.Nemenyi.CriticalDifference:F2})");
        File.WriteAllText(Path.Combine(experimentDirectory, results.CdDiagramFile ?? FileName), CriticalDifferenceDiagram.Render(results.Analysis.Nemenyi, title));
    }
}
