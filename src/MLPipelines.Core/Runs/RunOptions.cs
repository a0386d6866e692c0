using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>How to run a pipeline (command-line choices, not spec content).</summary>
public sealed record RunOptions
{
    /// <summary>Exact output folder; null = <c>RunsRoot/&lt;UTC time&gt;-&lt;name&gt;</c>.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Parent of timestamped run folders. Default <c>runs</c> (relative to the current directory).</summary>
    public string RunsRoot { get; init; } = "runs";

    /// <summary>Replaces a non-empty <see cref="OutputDirectory"/>.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Report writers available (the spec's <c>report.formats</c> picks among them).</summary>
    public IReadOnlyList<IRunReportWriter> ReportWriters { get; init; } = [];

    /// <summary>Executes the run's portable units elsewhere (e.g. a cluster); null = every unit in this process.</summary>
    public IUnitExecutor? Executor { get; init; }

    /// <summary>Where an <see cref="Executor"/>'s workers read the spec; required with it.</summary>
    public SpecSource? Source { get; init; }
}
