using MLPipelines.Spec.Declarations;
using MLPipelines.Spec.Steps;

namespace MLPipelines.Spec;

/// <summary>
/// The preprocessing steps a pipeline may list, each with its options class (<see cref="ImputeOptions"/>, ...) where
/// every option and its default is declared. The spec loader validates steps against this catalog, Core's step
/// registry builds the matching ML.NET estimators, and the JSON Schema and format reference are generated from it. Steps run in the order of <see cref="Kinds"/>; a list names each kind
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

    private static readonly Dictionary<string, (string Description, Type Options)> Steps = new(StringComparer.Ordinal)
    {
        [Impute] = ("Fills missing values from training-fold statistics.", typeof(ImputeOptions)),
        [OneHot] = ("Encodes each categorical column as one 0/1 feature per category seen in the training fold; a category not seen in training encodes as all zeros.", typeof(OneHotOptions)),
        [Normalize] = ("Rescales numeric features (not one-hot or indicator features) with training-fold statistics.", typeof(NormalizeOptions)),
        [Pca] = ("Replaces the numeric features with their first principal components (centred); runs after normalize.", typeof(PcaOptions)),
    };

    /// <summary>Step kinds, in the order they run (and must be listed).</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Impute, OneHot, Normalize, Pca];

    /// <summary>Step kinds used when a pipeline has no <c>preprocessing</c> key: impute, then one_hot, each with defaults.</summary>
    public static IReadOnlyList<string> DefaultKinds { get; } = [Impute, OneHot];

    /// <summary>Whether <paramref name="kind"/> is a known step.</summary>
    public static bool Contains(string kind) => Steps.ContainsKey(kind);

    /// <summary>The options of step <paramref name="kind"/>, in documentation order.</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    public static IReadOnlyList<OptionDescriptor> OptionsOf(string kind) => OptionDeclarations.Of(Get(kind).Options);

    /// <summary>The options class of step <paramref name="kind"/> (e.g. <see cref="ImputeOptions"/>), where each option is declared.</summary>
    /// <exception cref="ArgumentException">Unknown kind.</exception>
    public static Type OptionsTypeOf(string kind) => Get(kind).Options;

    /// <summary><paramref name="step"/>'s options bound onto its options class (e.g. an <see cref="ImputeOptions"/>).</summary>
    /// <exception cref="ArgumentException">Unknown kind, or an option the class does not declare.</exception>
    public static object Bind(PreprocessingStepSpec step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return OptionDeclarations.Bind(OptionsTypeOf(step.Kind), step.Options);
    }

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

    private static (string Description, Type Options) Get(string kind) =>
        Steps.TryGetValue(kind, out var step)
            ? step
            : throw new ArgumentException($"Unknown preprocessing step '{kind}'; known: {string.Join(", ", Kinds)}.", nameof(kind));
}
