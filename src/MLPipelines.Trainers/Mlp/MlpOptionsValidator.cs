using System.Globalization;
using MLPipelines.Results;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// Checks <see cref="MlpOptions"/> values and the rules that span options; messages name the YAML option.
/// The YAML path already checked each value against its descriptor, so there only the cross-option rules can fire.
/// </summary>
internal static class MlpOptionsValidator
{
    /// <summary>(option, message) pairs; empty when valid. <paramref name="task"/> null = not known yet.</summary>
    public static IEnumerable<(string Option, string Message)> Errors(MlpOptions o, TaskKind? task)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.HiddenLayers is null)
        {
            yield return ("hidden_layers", "must be a list of layer widths (use [] for no hidden layer)");
        }
        else
        {
            for (var i = 0; i < o.HiddenLayers.Count; i++)
            {
                if (o.HiddenLayers[i] is < 1 or > 65_536)
                {
                    yield return ("hidden_layers", $"width {o.HiddenLayers[i]} at position {i} must be in [1, 65536]");
                }
            }
        }

        if (o.Dropout is double dropout && !(dropout >= 0 && dropout < 1))
        {
            yield return ("dropout", $"must be in [0, 1), got {Format(dropout)}");
        }

        if (o.Epochs is < 1 or > 100_000)
        {
            yield return ("epochs", $"must be in [1, 100000], got {o.Epochs}");
        }

        if (o.BatchSize is < 1 or > 1_000_000)
        {
            yield return ("batch_size", $"must be in [1, 1000000], got {o.BatchSize}");
        }

        foreach (var error in OptimizerOptionChecks.Errors(o.LearningRate, o.WeightDecay, o.WarmupFraction, o.Momentum, o.GradientClip, o.LabelSmoothing))
        {
            yield return error;
        }

        if (!(o.ValidationFraction >= 0 && o.ValidationFraction < 1))
        {
            yield return ("validation_fraction", $"must be in [0, 1), got {Format(o.ValidationFraction)}");
        }

        if (o.Patience is < 1 or > 100_000)
        {
            yield return ("patience", $"must be in [1, 100000], got {o.Patience}");
        }

        if (o.EnsembleMembers is < 1 or > 256)
        {
            yield return ("ensemble_members", $"must be in [1, 256], got {o.EnsembleMembers}");
        }

        if (o.PeriodicFrequencies is < 1 or > 1024)
        {
            yield return ("periodic_frequencies", $"must be in [1, 1024], got {o.PeriodicFrequencies}");
        }

        if (!(o.PeriodicSigma > 0) || !double.IsFinite(o.PeriodicSigma))
        {
            yield return ("periodic_sigma", $"must be finite and > 0, got {Format(o.PeriodicSigma)}");
        }

        if (o.PeriodicDimension is < 1 or > 1024)
        {
            yield return ("periodic_dimension", $"must be in [1, 1024], got {o.PeriodicDimension}");
        }

        if (o.CategoricalEmbeddingThreshold is < 1 or > 1_000_000)
        {
            yield return ("categorical_embedding_threshold", $"must be in [1, 1000000], got {o.CategoricalEmbeddingThreshold}");
        }

        if (o.EmbeddingDimension is < 1 or > 1024)
        {
            yield return ("embedding_dim", $"must be in [1, 1024] or null (automatic), got {o.EmbeddingDimension}");
        }

        if (o.Threads is < 1 or > 1024)
        {
            yield return ("threads", $"must be in [1, 1024] or null (all cores), got {o.Threads}");
        }

        if (o.EarlyStopping && o.ValidationFraction == 0)
        {
            yield return ("early_stopping", "needs a validation split: set validation_fraction > 0 (e.g. 0.15) or early_stopping: false");
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

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
