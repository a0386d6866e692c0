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
        // One estimator for all the columns of each kind: a one-hot estimator per column made a chain of one
        // transform per column, whose schema checks and cursors cost minutes on wide tables (300 categorical
        // columns: 35 s for one 61-row LightGBM fit under load, 18 GB allocated by a run). Each column still gets its
        // own categories, exactly as with one estimator per column.
        var indicators = new List<InputOutputColumnPair>();
        var hashed = new List<InputOutputColumnPair>();
        foreach (var column in features.Categorical)
        {
            var name = TabularDataset.ViewName(column);
            var output = "__onehot." + name;
            if (column.Distinct <= o.MaxCategories)
            {
                indicators.Add(new InputOutputColumnPair(output, name));
            }
            else if (o.HighCardinality == "hash")
            {
                hashed.Add(new InputOutputColumnPair(output, name));
            }
            else
            {
                continue;
            }

            features.Extra.Add(output);
        }

        var encode = features.Ml.Transforms.Categorical;
        if (indicators.Count > 0)
        {
            features.Add(encode.OneHotEncoding([.. indicators]));
        }

        if (hashed.Count > 0)
        {
            features.Add(encode.OneHotHashEncoding([.. hashed], numberOfBits: bits));
        }
    }
}
