using MLPipelines.Neural.Networks;
using MLPipelines.Spec;
using MLPipelines.Spec.Declarations;
using MLPipelines.Trainers.Cnn.Building;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// Checks <see cref="CnnOptions"/> values, the <c>layers</c> list and the rules that span options; messages name the
/// YAML option; the ranges come from the options' declarations. The YAML path already checked each value against its
/// declaration, so there only the list and the cross-option rules can fire.
/// </summary>
internal static class CnnOptionsValidator
{
    /// <summary>(option, message) pairs; empty when valid.</summary>
    public static IEnumerable<(string Option, string Message)> Errors(CnnOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (!CnnPresets.Names.Contains(o.Architecture))
        {
            yield return ("architecture", $"unknown preset '{o.Architecture}'{NameSuggester.DidYouMean(o.Architecture ?? "", CnnPresets.Names)}; presets: {string.Join(", ", CnnPresets.Names)}");
        }

        if (o.Layers is not null)
        {
            foreach (var error in CnnLayerParser.Parse(o.Layers).Errors)
            {
                yield return ("layers", error);
            }
        }

        if (o.ImageShape is { } shape && (shape.Count != 3 || shape.Any(d => d is < 1 or > 65_536)))
        {
            yield return ("image_shape", $"must be [channels, height, width] with each in [1, 65536], got [{string.Join(", ", shape)}]");
        }

        foreach (var error in OptionDeclarations.RangeErrors(o).Concat(NetworkTrainingSetup.Errors(o, suggestedValidationFraction: 0.1)))
        {
            yield return error;
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem (the catalog path; YAML reports them at file:line:col).</summary>
    public static void ThrowIfInvalid(CnnOptions options)
    {
        var errors = Errors(options).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid CNN options: " + string.Join("; ", errors.Select(e => $"{e.Option}: {e.Message}")), nameof(options));
        }
    }
}
