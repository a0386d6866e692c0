namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// Where a step sits in the spec, for messages about data the step cannot handle (e.g. more PCA components than
/// features): its key path (e.g. <c>models[2].preprocessing[1]</c>) and the <c>file:line:col: </c> prefix of a key.
/// </summary>
/// <param name="KeyPath">The step's key path; for an implicit step, the list's.</param>
/// <param name="Where">The <c>file:line:col: </c> of a key path, or empty.</param>
/// <param name="ImplicitReason">Why the step runs though the list does not name it; null for a listed step.</param>
internal sealed record StepSite(string KeyPath, Func<string, string> Where, string? ImplicitReason = null)
{
    /// <summary>The key path of option <paramref name="option"/> of step <paramref name="kind"/>, e.g. <c>preprocessing[2].pca.components</c>.</summary>
    public string OptionPath(string kind, string option) => $"{KeyPath}.{kind}.{option}";
}
