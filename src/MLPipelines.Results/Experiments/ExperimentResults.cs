using MLPipelines.Results.Statistics;

namespace MLPipelines.Results.Experiments;

/// <summary>
/// The content of an experiment's <c>experiment.json</c> (snake_case, see <see cref="ExperimentJson"/>): the same
/// models run on several datasets with the same evaluation, each dataset's run folder, and the analysis over
/// datasets on one metric: the datasets x models matrix of mean scores with significance marks against the
/// baseline (corrected resampled t-test per dataset, Weka's v / *), average ranks, the Friedman test
/// (χ² and Iman–Davenport) and the Nemenyi post-hoc test with its critical difference and groups (Demšar 2006).
/// </summary>
public sealed record ExperimentResults
{
    /// <summary>Format version of <c>experiment.json</c>; bumped only on incompatible changes.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Experiment name (<c>name:</c> in the experiment file).</summary>
    public required string Name { get; init; }

    /// <summary>Metric of the matrix, the ranks and the tests (<c>metric:</c>, default the tasks' primary metric).</summary>
    public required string Metric { get; init; }

    /// <summary>Model the marks compare against (<c>report.baseline</c>, else the boosted-tree model with the best average rank).</summary>
    public required string Baseline { get; init; }

    /// <summary>The evaluation every dataset used (same folds within a dataset for every model).</summary>
    public required EvaluationResult Evaluation { get; init; }

    /// <summary>The models, in the experiment file's order (the matrix columns).</summary>
    public required IReadOnlyList<ExperimentModel> Models { get; init; }

    /// <summary>The datasets, in the experiment file's order (the matrix rows), with their run folders.</summary>
    public required IReadOnlyList<ExperimentDataset> Datasets { get; init; }

    /// <summary>
    /// The analysis (means [dataset][model], marks, per-dataset comparisons, win/tie/loss, Friedman, Nemenyi);
    /// its <c>models</c> and <c>datasets</c> lists are in the same order as <see cref="Models"/> and <see cref="Datasets"/>.
    /// </summary>
    public required ExperimentResult Analysis { get; init; }

    /// <summary>The critical-difference diagram file, relative to the experiment folder (<c>cd.svg</c>); null when not written.</summary>
    public string? CdDiagramFile { get; init; }

    /// <summary>Warnings from the runs, prefixed with the dataset name.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public DateTimeOffset StartedUtc { get; init; }

    public double DurationSeconds { get; init; }
}
