namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>How a preprocessing step applies to image data (the flattened pixels); only normalize and pca do.</summary>
internal interface IImageStep
{
    /// <summary>The step's YAML kind, e.g. <c>normalize</c>.</summary>
    string Kind { get; }

    /// <summary>Adds the step's estimators and its results.json line to <paramref name="features"/>.</summary>
    void Apply(ImageFeatures features, object options, StepSite site);
}
