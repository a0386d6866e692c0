using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// A table's features while its preprocessing chain is built: the estimators so far, the numeric columns (as they
/// will be concatenated into one block), the categorical columns, the extra feature blocks steps add (one-hot,
/// missing indicators), and one line per step for results.json. The steps (<see cref="Steps.ITabularStep"/>) work on it
/// in run order; <see cref="FeaturePipelineBuilder"/> drives them.
/// </summary>
internal sealed class TabularFeatures
{
    /// <summary>Name of the concatenated numeric block that normalize and pca act on.</summary>
    public const string NumericBlock = "__numeric";

    private readonly List<IEstimator<ITransformer>> _estimators = [];

    public TabularFeatures(MLContext ml, DataSchema schema, MissingValueSet missing)
    {
        Ml = ml;
        Schema = schema;
        Missing = missing;
        Numeric = [.. schema.Features.Where(c => c.IsNumberInFile).Select(TabularDataset.ViewName)];
        Categorical = [.. schema.Features.Where(c => c.Kind == ColumnKind.Categorical)];
        NumericWidth = Numeric.Count;
    }

    public MLContext Ml { get; }

    public DataSchema Schema { get; }

    public MissingValueSet Missing { get; }

    /// <summary>View names of the numeric inputs (file numbers, then boolean text turned into 0/1).</summary>
    public List<string> Numeric { get; }

    /// <summary>The categorical columns.</summary>
    public IReadOnlyList<ColumnInfo> Categorical { get; }

    /// <summary>Feature blocks concatenated after the numeric block (one-hot, missing indicators).</summary>
    public List<string> Extra { get; } = [];

    /// <summary>One line per step run, e.g. <c>impute numeric=median categorical=most_frequent</c>.</summary>
    public List<string> Lines { get; } = [];

    /// <summary>True once a normalize step rescaled the numeric block.</summary>
    public bool Normalized { get; set; }

    /// <summary>Width of the numeric block (its column count, or the pca components).</summary>
    public int NumericWidth { get; set; }

    /// <summary>Appends an estimator to the chain.</summary>
    public void Add(IEstimator<ITransformer> estimator) => _estimators.Add(estimator);

    /// <summary>
    /// Missing-value tokens of text columns (e.g. <c>NA</c>) become empty text, and boolean text columns become 0/1
    /// numeric inputs: what every later step expects.
    /// </summary>
    public void CleanText()
    {
        var booleanText = Schema.Features.Where(c => c.Kind == ColumnKind.Boolean && !c.IsNumberInFile).ToList();
        var tokens = Missing.Tokens;
        var cleaned = booleanText.Concat(Categorical).Select(TabularDataset.ViewName).ToList();
        if (tokens.Count > 0 && cleaned.Count > 0)
        {
            var test = string.Join(" || ", tokens.Select(t => $"x == {ExpressionText.Quote(t)}"));
            Add(ExpressionColumns.Create(Ml, [.. cleaned.Select(name => (name, name, $"x => ({test}) ? \"\" : x"))]));
        }

        var booleans = new List<(string Output, string Input, string Expression)>();
        foreach (var column in booleanText)
        {
            var name = TabularDataset.ViewName(column);
            var output = "__bool." + name;
            var t = ExpressionText.Quote(column.TrueToken!.ToLowerInvariant());
            var f = ExpressionText.Quote(column.FalseToken!.ToLowerInvariant());
            booleans.Add((output, name, $"x => lower(x) == {t} ? 1f : (lower(x) == {f} ? 0f : na(0f))"));
            Numeric.Add(output);
        }

        if (booleans.Count > 0)
        {
            Add(ExpressionColumns.Create(Ml, booleans));
        }

        NumericWidth = Numeric.Count;
    }

    /// <summary>Concatenates the numeric inputs into <see cref="NumericBlock"/> (when there are any), for normalize and pca.</summary>
    public void ConcatNumeric()
    {
        if (Numeric.Count > 0)
        {
            Add(Ml.Transforms.Concatenate(NumericBlock, [.. Numeric]));
        }
    }

    /// <summary>The feature blocks in order: the numeric block, then the extra blocks.</summary>
    public string[] Blocks() => [.. (Numeric.Count > 0 ? new[] { NumericBlock } : []).Concat(Extra)];

    /// <summary>The chain so far (an empty chain is a no-op).</summary>
    public EstimatorChain<ITransformer> Build()
    {
        // A flat chain: IEstimator.Append nests a new two-element chain per call, which made schema checks
        // quadratic and recursed once per column (5,000 columns took minutes; 100,000 overflowed the stack).
        var chain = new EstimatorChain<ITransformer>();
        foreach (var estimator in _estimators)
        {
            chain = chain.Append(estimator);
        }

        return chain;
    }
}
