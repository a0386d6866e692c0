using Microsoft.ML;
using MLPipelines.Core.Preprocessing.Steps;
using MLPipelines.Data;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// Builds a model's preprocessing from its step list as ML.NET estimators. Steps run in a fixed order whatever the
/// order of the list (each step applies to its own kind of column, so the list only says which steps run and with
/// which options):
/// <list type="number">
/// <item>missing-value tokens of text columns (e.g. <c>NA</c>) become empty text; boolean text columns become 0/1;</item>
/// <item><c>impute</c>: numeric (median, mean, zero, most_frequent) and categorical (most_frequent, constant);
///   <c>add_indicator</c> adds a 0/1 column per numeric column that has missing values in the file;</item>
/// <item><c>one_hot</c>: categorical columns with at most <c>max_categories</c> distinct values in the file get
///   one indicator per category seen in the training rows (unseen and missing = all zeros); larger ones are hashed
///   into the next power of two at or above <c>max_categories</c> slots, or dropped;</item>
/// <item><c>normalize</c> (numeric and boolean columns only, not indicators): minmax, zscore, robust, log_zscore;</item>
/// <item><c>pca</c>: the numeric block is replaced by its first <c>components</c> principal components;</item>
/// <item>everything is concatenated into <c>Features</c>.</item>
/// </list>
/// Each step is one class of the step registry (<see cref="PreprocessingSteps"/>); steps the table needs though the
/// list does not name them come from <see cref="ImplicitSteps"/> (named "implicit" in results.json).
/// Every statistic (medians, modes, categories, scales, PCA basis) is learned when the chain is fitted, i.e. on a
/// fold's training rows only.
/// </summary>
public static class FeaturePipelineBuilder
{
    /// <summary>Output feature vector column.</summary>
    public const string FeatureColumn = "Features";

    /// <summary>Builds the preprocessing for <paramref name="steps"/>.</summary>
    /// <param name="stepsKey">Key path of the list in the spec (e.g. <c>models[2].preprocessing</c>), for messages.</param>
    /// <exception cref="DataFileException">A step does not fit the data (e.g. more PCA components than features), keyed to the step's spec key.</exception>
    public static FeaturePipeline Build(
        MLContext ml, DataSchema schema, MissingValueSet missing, IReadOnlyList<PreprocessingStepSpec> steps, string trainerFamily,
        string stepsKey = "preprocessing")
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(steps);
        var features = new TabularFeatures(ml, schema, missing);
        features.CleanText();
        Run(features, steps, PreprocessingCatalog.Impute, stepsKey, ImplicitSteps.ImputeReason(steps, trainerFamily));
        Run(features, steps, PreprocessingCatalog.OneHot, stepsKey, ImplicitSteps.OneHotReason);
        features.ConcatNumeric();
        var numericSteps = steps.Where(s => s.Kind is PreprocessingCatalog.Normalize or PreprocessingCatalog.Pca).ToList();
        if (features.Numeric.Count > 0)
        {
            Run(features, steps, PreprocessingCatalog.Normalize, stepsKey, null);
            Run(features, steps, PreprocessingCatalog.Pca, stepsKey, null);
        }
        else if (numericSteps.Count > 0)
        {
            features.Lines.Add("normalize/pca skipped: no numeric features");
        }

        var blocks = features.Blocks();
        if (blocks.Length == 0)
        {
            throw DataFileException.ForKey(stepsKey, "no feature is left after preprocessing (every categorical column was dropped)");
        }

        features.Add(ml.Transforms.Concatenate(FeatureColumn, blocks));
        var normalized = steps.Any(s => s.Kind == PreprocessingCatalog.Normalize);
        return new FeaturePipeline(features.Build(), normalized, features.Lines, features.NumericWidth);
    }

    /// <summary>
    /// Runs step <paramref name="kind"/> when the list names it; otherwise with its defaults when
    /// <paramref name="implicitReason"/> says the data needs it anyway.
    /// </summary>
    private static void Run(
        TabularFeatures features, IReadOnlyList<PreprocessingStepSpec> steps, string kind, string stepsKey, string? implicitReason)
    {
        var index = steps.Select((s, i) => (s, i)).FirstOrDefault(p => p.s.Kind == kind) is ({ } found, var at) ? at : -1;
        if (index < 0 && implicitReason is null)
        {
            return;
        }

        var step = index >= 0 ? steps[index] : PreprocessingCatalog.CreateStep(kind);
        var site = index >= 0 ? new StepSite($"{stepsKey}[{index}]") : new StepSite(stepsKey, implicitReason);
        PreprocessingSteps.Tabular[kind].Apply(features, PreprocessingCatalog.Bind(step), site);
    }
}
