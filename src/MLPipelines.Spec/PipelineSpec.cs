using MLPipelines.Results.Csv;

namespace MLPipelines.Spec;

/// <summary>
/// A pipeline definition (format version 1) after parsing, validation and default filling; immutable (change it with
/// <c>with</c>, e.g. <see cref="WithSeed"/>). When the task is left to inference, <c>data.task</c>,
/// <c>evaluation.stratify</c> and <c>evaluation.primary_metric</c> are filled by <see cref="SpecLoader.Resolve"/>,
/// which returns a new, resolved spec once the data is read. <see cref="Locations"/> maps key paths (e.g. <c>data.label</c>,
/// <c>models[1].options.trees</c>, <c>preprocessing[2].normalize.method</c>) to where they were written, so later
/// checks (missing label column, data errors tied to a spec key) can still point at <c>file:line:col</c>.
/// Build one with <see cref="SpecLoader"/>; write it back with <see cref="ResolvedSpecWriter"/>.
/// </summary>
public sealed record PipelineSpec
{
    /// <summary>Format version; only 1 exists.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Run name; used for the run folder and the report title.</summary>
    public string Name { get; init; } = "";

    /// <summary>Absolute path of the YAML file this spec came from (empty when built in code).</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>The <c>data:</c> section.</summary>
    public DataSpec Data { get; init; } = new();

    /// <summary>The <c>evaluation:</c> section.</summary>
    public EvaluationSpec Evaluation { get; init; } = new();

    /// <summary>Default preprocessing for every model that does not give its own list.</summary>
    public List<PreprocessingStepSpec> Preprocessing { get; init; } = [];

    /// <summary><c>tuning:</c>, the settings of every model with <c>tune</c> unless it replaces some.</summary>
    public TuningSpec Tuning { get; init; } = new();

    /// <summary>The models to compare, in the order written.</summary>
    public List<ModelSpec> Models { get; init; } = [];

    /// <summary>The <c>report:</c> section.</summary>
    public ReportSpec Report { get; init; } = new();

    /// <summary>Key path to source position, for error messages after parsing.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

    /// <summary>True once the task and the defaults that depend on it are filled (<see cref="SpecLoader.Resolve"/>).</summary>
    public bool IsResolved => Data.Task is not null && Evaluation.PrimaryMetric is not null;

    /// <summary>The location of <paramref name="keyPath"/>, or of its closest written parent.</summary>
    public SourceLocation? LocationOf(string keyPath)
    {
        for (var path = keyPath; path.Length > 0; path = ParentPath(path))
        {
            if (Locations.TryGetValue(path, out var location))
            {
                return location;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="error"/> with the <c>file:line:col</c> of its spec key in front (the one place positions are
    /// attached to data errors); unchanged when it has no key, is already located, or the key was not written.
    /// </summary>
    public DataFileException Locate(DataFileException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is { KeyPath: { } key, IsLocated: false } ? error.WithPosition(LocationOf(key)?.ToString()) : error;
    }

    /// <summary>
    /// This spec with <c>evaluation.seed</c> replaced (e.g. from <c>mlpipe run --seed N</c>). The YAML position of the
    /// old value is forgotten, so no later message points at a line that no longer holds the seed in use.
    /// </summary>
    /// <exception cref="SpecException">When <paramref name="seed"/> is negative (reported against <c>--seed</c>).</exception>
    public PipelineSpec WithSeed(int seed)
    {
        if (seed < 0)
        {
            throw SpecException.CommandLine("--seed", $"must be >= 0, got {seed}");
        }

        return this with
        {
            Evaluation = Evaluation with { Seed = seed },
            Locations = Locations.Where(kv => kv.Key != "evaluation.seed").ToDictionary(StringComparer.Ordinal),
        };
    }

    private static string ParentPath(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
