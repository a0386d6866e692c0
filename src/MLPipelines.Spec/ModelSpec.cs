namespace MLPipelines.Spec;

/// <summary>One entry of <c>models:</c>.</summary>
public sealed class ModelSpec
{
    /// <summary>Unique name within the run (default: the trainer name); names files (<c>models/NAME.zip</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>Registered trainer name, e.g. <c>lightgbm</c>.</summary>
    public string Trainer { get; set; } = "";

    /// <summary>This model's own preprocessing; null = the pipeline's default list; empty = no preprocessing.</summary>
    public List<PreprocessingStepSpec>? Preprocessing { get; set; }

    /// <summary>
    /// Every option of the trainer, in the trainer's descriptor order, with defaults filled in. Values are typed as
    /// described on <see cref="MLPipelines.Spec.Declarations.OptionKind"/>; <c>null</c> only for options whose descriptor
    /// is <see cref="MLPipelines.Spec.Declarations.OptionDescriptor.Nullable"/> ("automatic"). Pass it unchanged to
    /// the trainer's estimator factory (Core's <c>ITrainerPlugin.CreateEstimator</c>); read it with <see cref="OptionValues"/>.
    /// </summary>
    public Dictionary<string, object?> Options { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>tune:</c>: null = the model is evaluated once with its options; otherwise its settings (the run's
    /// <c>tuning:</c> with the model's replacements) and its own space (null = the trainer's built-in space).
    /// </summary>
    public TuneSpec? Tune { get; set; }

    /// <summary>The preprocessing this model actually runs: its own list, or else <paramref name="pipelineDefault"/>.</summary>
    public IReadOnlyList<PreprocessingStepSpec> EffectivePreprocessing(IReadOnlyList<PreprocessingStepSpec> pipelineDefault) =>
        Preprocessing ?? pipelineDefault;
}
