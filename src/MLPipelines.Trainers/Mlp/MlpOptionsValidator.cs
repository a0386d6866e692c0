using MLPipelines.Results;
using MLPipelines.Spec.Declarations;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// Checks <see cref="MlpOptions"/> values against their declared ranges and the rules that span options; messages
/// name the YAML option. The YAML path already checked each value against its declaration, so there only the
/// cross-option rules can fire.
/// </summary>
internal static class MlpOptionsValidator
{
    /// <summary>(option, message) pairs; empty when valid. <paramref name="task"/> null = not known yet.</summary>
    public static IEnumerable<(string Option, string Message)> Errors(MlpOptions o, TaskKind? task)
    {
        ArgumentNullException.ThrowIfNull(o);
        foreach (var error in OptionDeclarations.RangeErrors(o).Concat(NetworkTrainingSetup.Errors(o, suggestedValidationFraction: 0.15)))
        {
            yield return error;
        }

        if (task == TaskKind.Regression && o.ClassWeights != MlpClassWeights.None)
        {
            yield return ("class_weights", "applies to classification only; remove it for a regression task");
        }

        foreach (var error in MlpMemoryCheck.Errors(o.HiddenLayers))
        {
            yield return error;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem (the catalog path; YAML reports them at file:line:col).</summary>
    public static void ThrowIfInvalid(MlpOptions options, TaskKind task)
    {
        var errors = Errors(options, task).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid MLP options: " + string.Join("; ", errors.Select(e => $"{e.Option}: {e.Message}")), nameof(options));
        }
    }

}
