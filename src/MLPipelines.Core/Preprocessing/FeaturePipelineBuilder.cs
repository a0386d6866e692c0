using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
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
/// Implicit steps (named as such in results.json): categorical columns are always encoded (ML.NET trainers need
/// numbers), with one_hot defaults when the list has no one_hot; numeric and categorical gaps are imputed with
/// defaults (median, most_frequent) when the list has no impute and either the trainer is not tree-based (trees
/// handle NaN themselves; linear and neural models cannot) or a pca step needs complete rows.
/// Every statistic (medians, modes, categories, scales, PCA basis) is learned when the chain is fitted, i.e. on a
/// fold's training rows only.
/// </summary>
public static class FeaturePipelineBuilder
{
    /// <summary>Output feature vector column.</summary>
    public const string FeatureColumn = "Features";

    private const string NumericBlock = "__numeric";
    private static readonly HashSet<string> TreeFamilies = new(["boosted_trees", "forest"], StringComparer.Ordinal);

    /// <summary>Builds the preprocessing for <paramref name="steps"/>.</summary>
    /// <param name="stepsKey">Key path of the list in the spec (e.g. <c>models[2].preprocessing</c>), for messages.</param>
    /// <param name="where">Prefix for messages about a spec key (<c>file:line:col: </c>), may return empty.</param>
    /// <exception cref="DataFileException">A step does not fit the data (e.g. more PCA components than features).</exception>
    public static FeaturePipeline Build(
        MLContext ml, DataSchema schema, MissingValueSet missing, IReadOnlyList<PreprocessingStepSpec> steps, string trainerFamily,
        string stepsKey = "preprocessing", Func<string, string>? where = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(steps);
        where ??= _ => "";
        var chain = new Chain();
        var lines = new List<string>();
        var features = schema.Features;
        var numeric = features.Where(c => c.IsNumberInFile).Select(TabularDataset.ViewName).ToList();
        var booleanText = features.Where(c => c.Kind == ColumnKind.Boolean && !c.IsNumberInFile).ToList();
        var categorical = features.Where(c => c.Kind == ColumnKind.Categorical).ToList();
        var extra = new List<string>();

        // 1. Text cleaning and boolean text.
        var tokens = missing.Tokens;
        if (tokens.Count > 0)
        {
            foreach (var column in booleanText.Concat(categorical))
            {
                var name = TabularDataset.ViewName(column);
                var test = string.Join(" || ", tokens.Select(t => $"x == {ExpressionText.Quote(t)}"));
                chain.Add(ml.Transforms.Expression(name, $"x => ({test}) ? \"\" : x", name));
            }
        }

        foreach (var column in booleanText)
        {
            var name = TabularDataset.ViewName(column);
            var output = "__bool." + name;
            var t = ExpressionText.Quote(column.TrueToken!.ToLowerInvariant());
            var f = ExpressionText.Quote(column.FalseToken!.ToLowerInvariant());
            chain.Add(ml.Transforms.Expression(output, $"x => lower(x) == {t} ? 1f : (lower(x) == {f} ? 0f : na(0f))", name));
            numeric.Add(output);
        }

        var impute = Find(steps, PreprocessingCatalog.Impute, out _);
        var oneHot = Find(steps, PreprocessingCatalog.OneHot, out _);
        var normalize = Find(steps, PreprocessingCatalog.Normalize, out _);
        var pca = Find(steps, PreprocessingCatalog.Pca, out var pcaIndex);
        var isTree = TreeFamilies.Contains(trainerFamily);

        // 2. Imputation.
        if (impute is null && (!isTree || pca is not null))
        {
            impute = PreprocessingCatalog.CreateStep(PreprocessingCatalog.Impute);
            lines.Add("impute numeric=median categorical=most_frequent (implicit: " +
                (isTree ? "pca needs complete rows)" : $"{trainerFamily} trainers need complete rows)"));
        }
        else if (impute is not null)
        {
            lines.Add($"impute numeric={Option(impute, "numeric", "median")} categorical={Option(impute, "categorical", "most_frequent")}" +
                (Option(impute, "add_indicator", false) ? " add_indicator" : ""));
        }

        if (impute is not null)
        {
            if (Option(impute, "add_indicator", false))
            {
                foreach (var column in features.Where(c => c.IsNumberInFile && c.Missing > 0))
                {
                    var name = TabularDataset.ViewName(column);
                    var output = "__missing." + name;
                    chain.Add(ml.Transforms.Expression(output, "x => isna(x) ? 1f : 0f", name));
                    extra.Add(output);
                }
            }

            AddNumericImpute(ml, chain, numeric, Option(impute, "numeric", "median"));
            var categoricalNames = categorical.Select(TabularDataset.ViewName).ToList();
            if (categoricalNames.Count > 0)
            {
                chain.Add(new CategoricalImputeEstimator(ml, categoricalNames, Option(impute, "categorical", "most_frequent") == "most_frequent"));
            }
        }

        // 3. One-hot (explicit or implicit).
        if (categorical.Count > 0)
        {
            var maxCategories = (int)Option(oneHot, "max_categories", 64L);
            var high = Option(oneHot, "high_cardinality", "hash");
            lines.Add($"one_hot max_categories={maxCategories} high_cardinality={high}" + (oneHot is null ? " (implicit: categorical columns must be encoded)" : ""));
            var bits = (int)Math.Ceiling(Math.Log2(maxCategories));
            foreach (var column in categorical)
            {
                var name = TabularDataset.ViewName(column);
                var output = "__onehot." + name;
                if (column.Distinct <= maxCategories)
                {
                    chain.Add(ml.Transforms.Categorical.OneHotEncoding(output, name));
                }
                else if (high == "hash")
                {
                    chain.Add(ml.Transforms.Categorical.OneHotHashEncoding(output, name, numberOfBits: bits));
                }
                else
                {
                    continue;
                }

                extra.Add(output);
            }
        }

        // 4-5. Numeric block: normalize, PCA.
        var numericWidth = numeric.Count;
        if (numeric.Count > 0)
        {
            chain.Add(ml.Transforms.Concatenate(NumericBlock, [.. numeric]));
            if (normalize is not null)
            {
                var method = Option(normalize, "method", "zscore");
                lines.Add($"normalize method={method}");
                chain.Add(method switch
                {
                    "minmax" => ml.Transforms.NormalizeMinMax(NumericBlock),
                    "robust" => ml.Transforms.NormalizeRobustScaling(NumericBlock),
                    "log_zscore" => ml.Transforms.NormalizeLogMeanVariance(NumericBlock, useCdf: false),
                    _ => ml.Transforms.NormalizeMeanVariance(NumericBlock, fixZero: false),
                });
            }

            if (pca is not null)
            {
                var components = (int)Option(pca, "components", 8L);
                if (components > numeric.Count)
                {
                    var key = $"{stepsKey}[{pcaIndex}].pca.components";
                    throw new DataFileException(
                        $"{where(key)}{key}: {components} components asked for, but only {numeric.Count} numeric features reach the step");
                }

                lines.Add($"pca components={components}");
                chain.Add(ml.Transforms.ProjectToPrincipalComponents(NumericBlock, NumericBlock, rank: components, seed: 1));
                numericWidth = components;
            }
        }
        else if (normalize is not null || pca is not null)
        {
            lines.Add("normalize/pca skipped: no numeric features");
        }

        var blocks = (numeric.Count > 0 ? new[] { NumericBlock } : []).Concat(extra).ToArray();
        if (blocks.Length == 0)
        {
            throw new DataFileException($"{where(stepsKey)}{stepsKey}: no feature is left after preprocessing (every categorical column was dropped)");
        }

        chain.Add(ml.Transforms.Concatenate(FeatureColumn, blocks));
        return new FeaturePipeline(chain.Build(), normalize is not null, lines, numericWidth);
    }

    private static void AddNumericImpute(MLContext ml, Chain chain, List<string> numeric, string mode)
    {
        if (numeric.Count == 0)
        {
            return;
        }

        switch (mode)
        {
            case "mean":
                chain.Add(ml.Transforms.ReplaceMissingValues([.. numeric.Select(n => new InputOutputColumnPair(n, n))],
                    MissingValueReplacingEstimator.ReplacementMode.Mean));
                break;
            case "zero":
                chain.Add(ml.Transforms.ReplaceMissingValues([.. numeric.Select(n => new InputOutputColumnPair(n, n))],
                    MissingValueReplacingEstimator.ReplacementMode.DefaultValue));
                break;
            case "most_frequent":
                chain.Add(new NumericImputeEstimator(ml, numeric, NumericImputeEstimator.Statistic.MostFrequent));
                break;
            default:
                chain.Add(new NumericImputeEstimator(ml, numeric, NumericImputeEstimator.Statistic.Median));
                break;
        }
    }

    private static PreprocessingStepSpec? Find(IReadOnlyList<PreprocessingStepSpec> steps, string kind, out int index)
    {
        for (index = 0; index < steps.Count; index++)
        {
            if (steps[index].Kind == kind)
            {
                return steps[index];
            }
        }

        index = -1;
        return null;
    }

    /// <summary>An option of a step, or <paramref name="fallback"/> (the catalog default) when absent.</summary>
    private static T Option<T>(PreprocessingStepSpec? step, string name, T fallback)
    {
        if (step is null || !step.Options.TryGetValue(name, out var value) || value is null)
        {
            return fallback;
        }

        return value is T typed ? typed : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Collects estimators; an empty chain is a no-op.</summary>
    private sealed class Chain
    {
        private readonly List<IEstimator<ITransformer>> _items = [];

        public void Add(IEstimator<ITransformer> estimator) => _items.Add(estimator);

        public EstimatorChain<ITransformer> Build()
        {
            // A flat chain: IEstimator.Append nests a new two-element chain per call, which made schema checks
            // quadratic and recursed once per column (5,000 columns took minutes; 100,000 overflowed the stack).
            var chain = new EstimatorChain<ITransformer>();
            foreach (var item in _items)
            {
                chain = chain.Append(item);
            }

            return chain;
        }
    }
}
