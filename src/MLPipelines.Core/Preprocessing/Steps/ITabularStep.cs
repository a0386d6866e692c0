namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// How one preprocessing step (declared in Spec's <c>PreprocessingCatalog</c> with its options class) builds its
/// ML.NET estimators for a table. <see cref="PreprocessingSteps"/> holds one per kind; steps run in the catalog's order.
/// </summary>
internal interface ITabularStep
{
    /// <summary>The step's YAML kind, e.g. <c>impute</c>.</summary>
    string Kind { get; }

    /// <summary>Adds the step's estimators and its results.json line to <paramref name="features"/>.</summary>
    /// <param name="options">The step's bound options (its catalog options class).</param>
    void Apply(TabularFeatures features, object options, StepSite site);
}
