namespace MLPipelines.Spec.Experiments;

/// <summary>
/// An experiment file after parsing and validation: the shared settings and one complete pipeline spec per
/// dataset (its data, the experiment's models and evaluation), whose key locations point into the experiment file
/// (or, for <c>spec:</c> datasets, into that pipeline file), so errors found while running still read
/// <c>file:line:col</c>. Build it with <see cref="ExperimentLoader"/>.
/// </summary>
public sealed class ExperimentSpec
{
    /// <summary>Experiment name.</summary>
    public required string Name { get; init; }

    /// <summary>Absolute path of the experiment file.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The metric of the analysis; null = the tasks' default primary metric.</summary>
    public string? Metric { get; init; }

    /// <summary>Requested baseline (<c>report.baseline</c>); null = the best-ranked boosted-tree model.</summary>
    public string? Baseline { get; init; }

    /// <summary>Model fixed at Elo 1000 in the aggregate views (<c>report.reference</c>); null = the baseline.</summary>
    public string? Reference { get; init; }

    /// <summary>Report files to write (<c>report.formats</c>).</summary>
    public required IReadOnlyList<string> Formats { get; init; }

    /// <summary>Model names in file order (the same on every dataset).</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>One pipeline per dataset, in file order.</summary>
    public required IReadOnlyList<ExperimentDatasetSpec> Datasets { get; init; }
}

/// <summary>One dataset of an experiment and the pipeline that runs the experiment's models on it.</summary>
/// <param name="Name">Dataset name (matrix row, run folder <c>runs/NAME</c>).</param>
/// <param name="Pipeline">The complete pipeline for this dataset.</param>
public sealed record ExperimentDatasetSpec(string Name, PipelineSpec Pipeline);
