using MLPipelines.Spec.Declarations;

namespace MLPipelines.Spec;

/// <summary>
/// The preprocessing steps a pipeline may list, with every option and its default. The spec loader validates
/// steps against this catalog, the runner builds the matching ML.NET estimators from it, and the JSON Schema and
/// format reference are generated from it. Steps run in the order of <see cref="Kinds"/>; a list names each kind
/// at most once, in that order. Every statistic a step uses (medians, means, category lists, scales, PCA basis)
/// is fitted on the training rows of each fold only.
/// </summary>
public static class PreprocessingCatalog
{
    /// <summary>Fill missing values.</summary>
    public const string Impute = "impute";

    /// <summary>Encode categorical columns as indicator vectors.</summary>
    public const string OneHot = "one_hot";

    /// <summary>Rescale numeric features.</summary>
    public const string Normalize = "normalize";

    /// <summary>Project numeric features onto principal components.</summary>
    public const string Pca = "pca";

    private static readonly Dictionary<string, (string Description, IReadOnlyList<OptionDescriptor> Options)> Steps =
        new(StringComparer.Ordinal)
        {
            [Impute] = (
                "Fills missing values from training-fold statistics.",
                [
                    new("numeric", OptionKind.Enum, "median",
                        "Fill for numeric columns: median, mean, zero, or most_frequent (the mode).")
                    {
                        Allowed = ["median", "mean", "zero", "most_frequent"],
                    },
                    new("categorical", OptionKind.Enum, "most_frequent",
                        "Fill for categorical columns: most_frequent, or constant (a separate \"missing\" category).")
                    {
                        Allowed = ["most_frequent", "constant"],
                    },
                    new("add_indicator", OptionKind.Bool, false,
                        "Also add a 0/1 feature per numeric column that has missing values in the file, marking the filled rows."),
                ]),
            [OneHot] = (
                "Encodes each categorical column as one 0/1 feature per category seen in the training fold; a category not seen in training encodes as all zeros.",
                [
                    new("max_categories", OptionKind.Int, 64L,
                        "Most distinct values a column may have for plain one-hot encoding (counted over the whole file, so every fold encodes the column the same way).")
                    {
                        Min = 2,
                        Max = 65536,
                    },
                    new("high_cardinality", OptionKind.Enum, "hash",
                        "Columns with more than max_categories values: hash = one-hot of a hash of the value into max_categories rounded up to a power of two slots; drop = leave the column out.")
                    {
                        Allowed = ["hash", "drop"],
                    },
                ]),
            [Normalize] = (
                "Rescales numeric features (not one-hot or indicator features) with training-fold statistics.",
                [
                    new("method", OptionKind.Enum, "zscore",
                        "minmax: (x - min) / (max - min); zscore: (x - mean) / std; robust: (x - median) / IQR; log_zscore: zscore of ln(x) (ML.NET log-mean-variance).")
                    {
                        Allowed = ["minmax", "zscore", "robust", "log_zscore"],
                    },
                ]),
            [Pca] = (
                "Replaces the numeric features with their first principal components (centred); runs after normalize.",
                [
                    new("components", OptionKind.Int, 8L,
                        "Number of components to keep; must not exceed the number of features reaching the step.")
                    {
                        Min = 1,
                        Max = 10000,
                    },
                ]),
        };

    /// <summary>Step kinds, in the order they run (and must be listed).</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Impute, OneHot, Normalize, Pca];

    /// <summary>Step kinds used when a pipeline has no <c>preprocessing</c> key: impute, then one_hot, each with defaults.</summary>
    public static IReadOnlyList<string> DefaultKinds { get; } = [Impute, OneHot];

    /// <summary>Whether <paramref name="kind"/> is a known step.</summary>
    public static bool Contains(string kind) => Steps.ContainsKey(kind);

    /// <summary>The options of step <paramref name="kind"/>, in documentation order.</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    public static IReadOnlyList<OptionDescriptor> OptionsOf(string kind) => Get(kind).Options;

    /// <summary>One sentence on what step <paramref name="kind"/> does.</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    public static string DescriptionOf(string kind) => Get(kind).Description;

    /// <summary>A step of <paramref name="kind"/> with every option at its default.</summary>
    public static PreprocessingStepSpec CreateStep(string kind)
    {
        var step = new PreprocessingStepSpec { Kind = kind };
        foreach (var option in OptionsOf(kind))
        {
            step.Options[option.Name] = option.Default;
        }

        return step;
    }

    /// <summary>The default list (<see cref="DefaultKinds"/>), freshly built so callers may change it.</summary>
    public static List<PreprocessingStepSpec> CreateDefaultSteps() => [.. DefaultKinds.Select(CreateStep)];

    private static (string Description, IReadOnlyList<OptionDescriptor> Options) Get(string kind) =>
        Steps.TryGetValue(kind, out var step)
            ? step
            : throw new ArgumentException($"Unknown preprocessing step '{kind}'; known: {string.Join(", ", Kinds)}.", nameof(kind));
}
