namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// Where a step sits in the spec, for messages about data the step cannot handle (e.g. more PCA components than
/// features): its key path (e.g. <c>models[2].preprocessing[1]</c>); such errors name the key
/// (<see cref="MLPipelines.Results.Csv.DataFileException.ForKey"/>) and the run adds its position.
/// </summary>
/// <param name="KeyPath">The step's key path; for an implicit step, the list's.</param>
/// <param name="ImplicitReason">Why the step runs though the list does not name it; null for a listed step.</param>
internal sealed record StepSite(string KeyPath, string? ImplicitReason = null)
{
    /// <summary>The key path of option <paramref name="option"/> of step <paramref name="kind"/>, e.g. <c>preprocessing[2].pca.components</c>.</summary>
    public string OptionPath(string kind, string option) => $"{KeyPath}.{kind}.{option}";
}
