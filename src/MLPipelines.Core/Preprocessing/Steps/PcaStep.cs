using Microsoft.ML;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;
using MLPipelines.Spec.Steps;

namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary><c>pca</c>: replaces a table's numeric block, or the pixels of images, by its first principal components (centred).</summary>
internal sealed class PcaStep : ITabularStep, IImageStep
{
    public string Kind => PreprocessingCatalog.Pca;

    /// <exception cref="DataFileException">More components asked for than numeric features reach the step.</exception>
    public void Apply(TabularFeatures features, object options, StepSite site)
    {
        var components = ((PcaOptions)options).Components;
        if (components > features.Numeric.Count)
        {
            var key = site.OptionPath(Kind, "components");
            throw DataFileException.ForKey(key, $"{components} components asked for, but only {features.Numeric.Count} numeric features reach the step");
        }

        features.Lines.Add($"pca components={components}");
        features.Add(features.Ml.Transforms.ProjectToPrincipalComponents(TabularFeatures.NumericBlock, TabularFeatures.NumericBlock, rank: components, seed: 1));
        features.NumericWidth = components;
    }

    /// <exception cref="DataFileException">More components asked for than the images have pixel values.</exception>
    public void Apply(ImageFeatures features, object options, StepSite site)
    {
        var components = ((PcaOptions)options).Components;
        if (components > features.Count)
        {
            var key = site.OptionPath(Kind, "components");
            throw DataFileException.ForKey(key, $"{components} components asked for, but the images have only {features.Count} pixel values ({features.Input})");
        }

        features.Add(features.Ml.Transforms.ProjectToPrincipalComponents(ImageFeatures.Column, ImageFeatures.Column, rank: components, seed: 1));
        features.Lines.Add($"pca components={components}");
        features.Shape = null;
        features.Count = components;
    }
}
