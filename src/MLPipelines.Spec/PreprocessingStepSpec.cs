namespace MLPipelines.Spec;

/// <summary>
/// One preprocessing step, e.g. <c>- impute: {numeric: median}</c> or the bare <c>- impute</c>.
/// <see cref="Options"/> holds every option of the step (see <see cref="PreprocessingCatalog"/>) with defaults
/// filled in, typed as <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or
/// <c>List&lt;object&gt;</c>; read them with the <see cref="OptionValues"/> helpers.
/// </summary>
public sealed class PreprocessingStepSpec
{
    /// <summary>Step kind: <c>impute</c>, <c>one_hot</c>, <c>normalize</c>, <c>pca</c> (see <see cref="PreprocessingCatalog"/>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Every option of the step, in catalog order, defaults filled in.</summary>
    public Dictionary<string, object?> Options { get; set; } = new(StringComparer.Ordinal);
}
