namespace MLPipelines.Core.Spec;

/// <summary>One entry of <c>models:</c>.</summary>
public sealed class ModelSpec
{
    /// <summary>Unique name within the run; names files (<c>models/NAME.zip</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Registered trainer name, e.g. <c>lightgbm</c>.</summary>
    public string Trainer { get; set; } = "";

    /// <summary>This model's own preprocessing; null = the pipeline's default list.</summary>
    public List<PreprocessingStepSpec>? Preprocessing { get; set; }

    /// <summary>Trainer options with defaults filled in (see <see cref="PreprocessingStepSpec.Options"/> for types).</summary>
    public Dictionary<string, object> Options { get; set; } = new(StringComparer.Ordinal);
}
