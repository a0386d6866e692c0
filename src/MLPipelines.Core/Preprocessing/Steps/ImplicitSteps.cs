using MLPipelines.Spec;

namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// The policy for steps a table needs whatever the list says: categorical columns are always encoded (ML.NET trainers
/// need numbers), with one_hot defaults when the list has no one_hot; numeric and categorical gaps are imputed with
/// defaults (median, most_frequent) when the list has no impute and either the trainer is not tree-based (trees handle
/// NaN themselves; linear and neural models cannot) or a pca step needs complete rows. Such steps are named
/// "implicit" in results.json, with the reason.
/// </summary>
internal static class ImplicitSteps
{
    private static readonly HashSet<string> TreeFamilies = new(["boosted_trees", "forest"], StringComparer.Ordinal);

    /// <summary>Why an impute step must run though the list has none; null when it need not.</summary>
    public static string? ImputeReason(IReadOnlyList<PreprocessingStepSpec> steps, string trainerFamily)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var isTree = TreeFamilies.Contains(trainerFamily);
        var hasPca = steps.Any(s => s.Kind == PreprocessingCatalog.Pca);
        return isTree && !hasPca ? null : isTree ? "pca needs complete rows" : $"{trainerFamily} trainers need complete rows";
    }

    /// <summary>Why a one_hot step must run though the list has none (always: categorical columns must be encoded).</summary>
    public static string OneHotReason => "categorical columns must be encoded";
}
