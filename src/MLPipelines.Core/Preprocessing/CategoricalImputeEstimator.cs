using Microsoft.ML;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// Fills empty (missing) values of text columns: with the most frequent value of the rows it is fitted on, or with
/// the constant category <see cref="MissingCategory"/>. It fits into one ML.NET expression transformer for all the
/// columns (<see cref="ExpressionColumns"/>), so saved models need nothing but ML.NET.
/// </summary>
internal sealed class CategoricalImputeEstimator(MLContext ml, IReadOnlyList<string> columns, bool mostFrequent) : IEstimator<ITransformer>
{
    /// <summary>The category given to missing values by the <c>constant</c> strategy.</summary>
    public const string MissingCategory = "(missing)";

    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fills = mostFrequent ? MostFrequent(input) : [.. columns.Select(_ => MissingCategory)];
        return ExpressionColumns.Create(ml, [.. columns.Select((column, c) => (column, column, $"x => x == \"\" ? {ExpressionText.Quote(fills[c])} : x"))])
            .Fit(input);
    }

    /// <summary>The most frequent non-empty value of each column (ties: the first in ordinal order), read in one pass.</summary>
    private string[] MostFrequent(IDataView input)
    {
        var counts = columns.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var inputs = columns.Select(name => input.Schema[name]).ToArray();
        using (var cursor = input.GetRowCursor(inputs))
        {
            var getters = inputs.Select(cursor.GetGetter<ReadOnlyMemory<char>>).ToArray();
            var lookups = counts.Select(count => count.GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
            ReadOnlyMemory<char> value = default;
            while (cursor.MoveNext())
            {
                for (var c = 0; c < getters.Length; c++)
                {
                    getters[c](ref value);
                    if (!value.IsEmpty)
                    {
                        var key = value.Span; // looked up without a string per cell; one is made per new value only
                        lookups[c][key] = lookups[c].TryGetValue(key, out var n) ? n + 1 : 1;
                    }
                }
            }
        }

        return [.. counts.Select(count => count.Count == 0
            ? MissingCategory
            : count.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key)];
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
}
