using MLPipelines.Results;

namespace MLPipelines.Spec.Declarations;

/// <summary>
/// What the pipeline format knows about a trainer reachable as <c>trainer: NAME</c>: its name, family, tasks and
/// options. The spec loader validates models against it before any data is read; the JSON Schema and FORMAT.md are
/// generated from it. The part that builds an estimator lives with the trainer (Core's <c>ITrainerDeclaration</c>), so
/// this project needs no ML.NET.
/// </summary>
public interface ITrainerDeclaration
{
    /// <summary>YAML name, lower snake_case, e.g. <c>lightgbm</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>mlpipe</c> help and the JSON Schema.</summary>
    string Description { get; }

    /// <summary>Family used for defaults and reports: <c>boosted_trees</c>, <c>forest</c>, <c>linear</c>, <c>neural</c>.</summary>
    string Family { get; }

    /// <summary>Tasks this trainer supports.</summary>
    IReadOnlyList<TaskKind> Tasks { get; }

    /// <summary>
    /// True for trainers that see the feature vector as images (the CNN): the spec must then read image data
    /// (<c>data.kind: images</c>) and the model's preprocessing must keep the pixels (no <c>pca</c>). Checked when
    /// the spec is read, so <c>mlpipe validate</c> reports it with the position. Default false.
    /// </summary>
    bool NeedsImages => false;

    /// <summary>
    /// Why this trainer cannot run on this machine (e.g. its native library is missing), with how to fix it; null when
    /// it can. Checked when the spec is read and reported at the model's <c>trainer</c> key, so a run never starts
    /// with a trainer that would fail on its first fit. Default null.
    /// </summary>
    string? Unavailable => null;

    /// <summary>Every option, with its documented default.</summary>
    IReadOnlyList<OptionDescriptor> Options { get; }

    /// <summary>
    /// The space <c>tune: true</c> searches (documented with its sources in FORMAT.md), made of the options'
    /// declared <see cref="OptionDescriptor.Search"/> distributions; null = none, so such a model must give
    /// <c>tune.space</c>. Every bound lies in the option's declared range (a test checks it).
    /// </summary>
    MLPipelines.Tuning.Search.SearchSpace? DefaultSearchSpace => OptionDeclarations.SearchSpaceOf(Options);

    /// <summary>
    /// The integer option successive halving scales (boosting rounds, trees or epochs; the option declared with
    /// <see cref="OptionDescriptor.Resource"/>); null = none (the trainer can only be searched at random).
    /// </summary>
    string? ResourceOption => OptionDeclarations.ResourceOf(Options);

    /// <summary>
    /// Checks that span several options or depend on the task (each option alone was already checked against its
    /// descriptor). Returns (option name, message) pairs; empty when valid. <paramref name="task"/> is null when the
    /// spec leaves the task to inference.
    /// </summary>
    IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task);
}
