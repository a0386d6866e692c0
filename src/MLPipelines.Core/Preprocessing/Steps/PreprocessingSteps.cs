using MLPipelines.Spec;

namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// The registry of preprocessing steps: for each kind of Spec's <see cref="PreprocessingCatalog"/> (where its options
/// are declared), the class that builds it for tables and, for normalize and pca, for images. A new step is an
/// options class in Spec's catalog plus one class here, registered below.
/// </summary>
internal static class PreprocessingSteps
{
    private static readonly NormalizeStep Normalize = new();
    private static readonly PcaStep Pca = new();

    /// <summary>Tabular steps by kind.</summary>
    public static IReadOnlyDictionary<string, ITabularStep> Tabular { get; } = new Dictionary<string, ITabularStep>(StringComparer.Ordinal)
    {
        [PreprocessingCatalog.Impute] = new ImputeStep(),
        [PreprocessingCatalog.OneHot] = new OneHotStep(),
        [PreprocessingCatalog.Normalize] = Normalize,
        [PreprocessingCatalog.Pca] = Pca,
    };

    /// <summary>Image steps by kind (the spec loader allows only these for image data).</summary>
    public static IReadOnlyDictionary<string, IImageStep> Images { get; } = new Dictionary<string, IImageStep>(StringComparer.Ordinal)
    {
        [PreprocessingCatalog.Normalize] = Normalize,
        [PreprocessingCatalog.Pca] = Pca,
    };
}
