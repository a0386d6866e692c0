using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// Fills empty (missing) values of text columns: with the most frequent value of the rows it is fitted on, or with
/// the constant category <see cref="MissingCategory"/>. Like <see cref="NumericImputeEstimator"/> it fits into
/// ML.NET expression transformers, so saved models need nothing but ML.NET.
/// </summary>
internal sealed class CategoricalImputeEstimator(MLContext ml, IReadOnlyList<string> columns, bool mostFrequent) : IEstimator<ITransformer>
{
    /// <summary>The category given to missing values by the <c>constant</c> strategy.</summary>
    public const string MissingCategory = "(missing)";

    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var chain = new EstimatorChain<ITransformer>(); // flat: IEstimator.Append nests a chain per column
        foreach (var column in columns)
        {
            var fill = MissingCategory;
            if (mostFrequent)
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var value in input.GetColumn<ReadOnlyMemory<char>>(column))
                {
                    if (!value.IsEmpty)
                    {
                        var key = value.ToString();
                        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
                    }
                }

                fill = counts.Count == 0
                    ? MissingCategory
                    : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
            }

            var step = ml.Transforms.Expression(column, $"x => x == \"\" ? {ExpressionText.Quote(fill)} : x", column);
            chain = chain.Append<ITransformer>(step);
        }

        return chain.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
}
