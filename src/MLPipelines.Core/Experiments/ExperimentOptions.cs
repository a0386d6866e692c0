using MLPipelines.Results;
using MLPipelines.Results.Experiments;

namespace MLPipelines.Core.Experiments;

/// <summary>How to run an experiment (command-line choices, not file content).</summary>
public sealed record ExperimentOptions
{
    /// <summary>Exact output folder; null = <c>RunsRoot/&lt;UTC time&gt;-&lt;name&gt;</c>.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Parent of timestamped experiment folders. Default <c>runs</c>.</summary>
    public string RunsRoot { get; init; } = "runs";

    /// <summary>Replaces a non-empty <see cref="OutputDirectory"/>.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Overrides <c>evaluation.seed</c> of every dataset (<c>--seed</c>).</summary>
    public int? Seed { get; init; }

    /// <summary>Report writers for each dataset's run (the experiment's <c>report.formats</c> picks among them).</summary>
    public IReadOnlyList<IRunReportWriter> RunReportWriters { get; init; } = [];

    /// <summary>Report writers for the experiment as a whole (e.g. <c>experiment.md</c>, <c>cd.svg</c>, <c>experiment.html</c>).</summary>
    public IReadOnlyList<IExperimentReportWriter> ReportWriters { get; init; } = [];

    /// <summary>Executes each dataset's portable units elsewhere (e.g. a cluster); null = every unit in this process.</summary>
    public Runs.IUnitExecutor? Executor { get; init; }
}
