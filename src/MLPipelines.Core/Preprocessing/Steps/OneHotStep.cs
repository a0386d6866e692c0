using Microsoft.ML;
using MLPipelines.Data;
using MLPipelines.Spec;
using MLPipelines.Spec.Steps;

namespace MLPipelines.Core.Preprocessing.Steps;

/// <summary>
/// <c>one_hot</c>: categorical columns with at most <c>max_categories</c> distinct values in the file get one
/// indicator per category seen in the training rows (unseen and missing = all zeros); larger ones are hashed into
/// the next power of two at or above <c>max_categories</c> slots, or dropped.
/// </summary>
internal sealed class OneHotStep : ITabularStep
{
    public string Kind => PreprocessingCatalog.OneHot;

    public void Apply(TabularFeatures features, object options, StepSite site)
    {
        if (features.Categorical.Count == 0)
        {
            return;
        }

        var o = (OneHotOptions)options;
        features.Lines.Add($"one_hot max_categories={o.MaxCategories} high_cardinality={o.HighCardinality}" +
            (site.ImplicitReason is { } reason ? $" (implicit: {reason})" : ""));
        var bits = (int)Math.Ceiling(Math.Log2(o.MaxCategories));
        var encode = features.Ml.Transforms.Categorical;
        foreach (var column in features.Categorical)
        {
            var name = TabularDataset.ViewName(column);
            var output = "__onehot." + name;
            if (column.Distinct <= o.MaxCategories)
            {
                features.Add(encode.OneHotEncoding(output, name));
            }
            else if (o.HighCardinality == "hash")
            {
                features.Add(encode.OneHotHashEncoding(output, name, numberOfBits: bits));
            }
            else
            {
                continue;
            }

            features.Extra.Add(output);
        }
    }
}
