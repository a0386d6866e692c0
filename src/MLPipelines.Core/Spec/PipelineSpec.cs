namespace MLPipelines.Core.Spec;

/// <summary>
/// A pipeline definition (format version 1) after parsing, validation and default filling.
/// Every property holds its resolved value; <see cref="Locations"/> maps key paths (e.g. <c>data.label</c>,
/// <c>models[1].options.trees</c>) to where they were written, so later checks (missing label column, data errors
/// tied to a spec key) can still point at <c>file:line:col</c>.
/// </summary>
public sealed class PipelineSpec
{
    /// <summary>Format version; only 1 exists.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Run name; used for the run folder and the report title.</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute path of the YAML file this spec came from (empty when built in code).</summary>
    public string SourcePath { get; set; } = "";

    public DataSpec Data { get; set; } = new();

    public EvaluationSpec Evaluation { get; set; } = new();

    /// <summary>Default preprocessing for every model that does not give its own list.</summary>
    public List<PreprocessingStepSpec> Preprocessing { get; set; } = [];

    public List<ModelSpec> Models { get; set; } = [];

    public ReportSpec Report { get; set; } = new();

    /// <summary>Key path to source position, for error messages after parsing.</summary>
    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

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

    private static string ParentPath(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
