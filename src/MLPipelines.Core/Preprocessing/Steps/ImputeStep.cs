using Microsoft.ML;
using Microsoft.ML.Transforms;
using MLPipelines.Data;
using MLPipelines.Spec;
using MLPipelines.Spec.Steps;

namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// <c>impute</c>: numeric gaps get the training median, mean, zero or mode; categorical gaps the training mode or a
/// "missing" category; <c>add_indicator</c> adds a 0/1 column per numeric column with missing values in the file.
/// </summary>
internal sealed class ImputeStep : ITabularStep
{
    public string Kind => PreprocessingCatalog.Impute;

    public void Apply(TabularFeatures features, object options, StepSite site)
    {
        var o = (ImputeOptions)options;
        features.Lines.Add(site.ImplicitReason is { } reason
            ? $"impute numeric={o.Numeric} categorical={o.Categorical} (implicit: {reason})"
            : $"impute numeric={o.Numeric} categorical={o.Categorical}" + (o.AddIndicator ? " add_indicator" : ""));
        if (o.AddIndicator)
        {
            var indicators = features.Schema.Features.Where(c => c.IsNumberInFile && c.Missing > 0)
                .Select(TabularDataset.ViewName).Select(name => ("__missing." + name, name, "x => isna(x) ? 1f : 0f")).ToList();
            if (indicators.Count > 0)
            {
                features.Add(ExpressionColumns.Create(features.Ml, indicators));
                features.Extra.AddRange(indicators.Select(i => i.Item1));
            }
        }

        AddNumeric(features, o.Numeric);
        var categorical = features.Categorical.Select(TabularDataset.ViewName).ToList();
        if (categorical.Count > 0)
        {
            features.Add(new CategoricalImputeEstimator(features.Ml, categorical, o.Categorical == "most_frequent"));
        }
    }

    private static void AddNumeric(TabularFeatures features, string mode)
    {
        var numeric = features.Numeric;
        if (numeric.Count == 0)
        {
            return;
        }

        var ml = features.Ml;
        features.Add(mode switch
        {
            "mean" => ml.Transforms.ReplaceMissingValues([.. numeric.Select(n => new InputOutputColumnPair(n, n))],
                MissingValueReplacingEstimator.ReplacementMode.Mean),
            "zero" => ml.Transforms.ReplaceMissingValues([.. numeric.Select(n => new InputOutputColumnPair(n, n))],
                MissingValueReplacingEstimator.ReplacementMode.DefaultValue),
            "most_frequent" => new NumericImputeEstimator(ml, numeric, NumericImputeEstimator.Statistic.MostFrequent),
            _ => new NumericImputeEstimator(ml, numeric, NumericImputeEstimator.Statistic.Median),
        });
    }
}
