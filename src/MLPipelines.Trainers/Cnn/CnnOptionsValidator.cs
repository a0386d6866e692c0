using System.Globalization;
using MLPipelines.Neural.Networks;
using MLPipelines.Spec;
using MLPipelines.Trainers.Cnn.Building;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// Checks <see cref="CnnOptions"/> values, the <c>layers</c> list and the rules that span options; messages name the
/// YAML option. The YAML path already checked each value against its descriptor, so there only the list and the
/// cross-option rules can fire.
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

        foreach (var error in Ranges(o))
        {
            yield return error;
        }

        if (o.EarlyStopping && o.ValidationFraction == 0)
        {
            yield return ("early_stopping", "needs a validation split: set validation_fraction > 0 (e.g. 0.1) or early_stopping: false");
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

    private static IEnumerable<(string Option, string Message)> Ranges(CnnOptions o)
    {
        if (o.Epochs is < 1 or > 100_000)
        {
            yield return ("epochs", $"must be in [1, 100000], got {o.Epochs}");
        }

        if (o.BatchSize is < 2 or > 65_536)
        {
            yield return ("batch_size", $"must be in [2, 65536] (batch norm needs 2 images per batch), got {o.BatchSize}");
        }

        foreach (var error in OptimizerOptionChecks.Errors(o.LearningRate, o.WeightDecay, o.WarmupFraction, o.Momentum, o.GradientClip, o.LabelSmoothing))
        {
            yield return error;
        }

        if (!(o.ValidationFraction >= 0 && o.ValidationFraction <= 0.9))
        {
            yield return ("validation_fraction", $"must be in [0, 0.9], got {Format(o.ValidationFraction)}");
        }

        if (o.Patience is < 1 or > 100_000)
        {
            yield return ("patience", $"must be in [1, 100000], got {o.Patience}");
        }

        if (o.CropPadding is < 0 or > 64)
        {
            yield return ("crop_padding", $"must be in [0, 64], got {o.CropPadding}");
        }

        if (!(o.RandomErasing >= 0 && o.RandomErasing <= 1))
        {
            yield return ("random_erasing", $"must be in [0, 1], got {Format(o.RandomErasing)}");
        }

        if (o.Threads is < 1 or > 1024)
        {
            yield return ("threads", $"must be in [1, 1024] or null (all cores), got {o.Threads}");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
