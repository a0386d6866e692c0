namespace MLPipelines.Core.Spec;

/// <summary>
/// One preprocessing step, e.g. <c>- impute: {numeric: median}</c> or the bare <c>- impute</c>.
/// <see cref="Options"/> holds every option of the step with defaults filled in, typed as
/// <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or <c>List&lt;object&gt;</c>.
/// </summary>
public sealed class PreprocessingStepSpec
{
    /// <summary>Step kind: <c>impute</c>, <c>one_hot</c>, <c>normalize</c>, <c>pca</c>.</summary>
    public string Kind { get; set; } = "";

    public Dictionary<string, object> Options { get; set; } = new(StringComparer.Ordinal);
}
