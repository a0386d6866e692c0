using Microsoft.ML;
using Microsoft.ML.Transforms;
using MLPipelines.Spec;
using MLPipelines.Spec.Steps;

namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// <c>normalize</c>: rescales the numeric block of a table (not one-hot or indicator features), or every pixel
/// position of images, with training statistics: minmax, zscore, robust, log_zscore.
/// </summary>
internal sealed class NormalizeStep : ITabularStep, IImageStep
{
    public string Kind => PreprocessingCatalog.Normalize;

    public void Apply(TabularFeatures features, object options, StepSite site)
    {
        var method = ((NormalizeOptions)options).Method;
        features.Lines.Add($"normalize method={method}");
        features.Add(Estimator(features.Ml, TabularFeatures.NumericBlock, method));
    }

    public void Apply(ImageFeatures features, object options, StepSite site)
    {
        var method = ((NormalizeOptions)options).Method;
        features.Lines.Add($"normalize method={method} (per pixel position)");
        features.Add(Estimator(features.Ml, ImageFeatures.Column, method));
        features.Normalized = true;
    }

    private static NormalizingEstimator Estimator(MLContext ml, string column, string method) => method switch
    {
        "minmax" => ml.Transforms.NormalizeMinMax(column),
        "robust" => ml.Transforms.NormalizeRobustScaling(column),
        "log_zscore" => ml.Transforms.NormalizeLogMeanVariance(column, useCdf: false),
        _ => ml.Transforms.NormalizeMeanVariance(column, fixZero: false),
    };
}
