using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// Fills NaN in float columns with a statistic of the rows it is fitted on (the training rows of a fold): the
/// median (middle value; mean of the two middle values for an even count) or the most frequent value. Fitting
/// returns one ML.NET missing-value replacer holding the learned constants for all the columns, so the fitted model
/// saves and loads with plain ML.NET. A column with no value in the fitted rows is filled with 0.
/// </summary>
internal sealed class NumericImputeEstimator(MLContext ml, IReadOnlyList<string> columns, NumericImputeEstimator.Statistic statistic)
    : IEstimator<ITransformer>
{
    /// <summary>Which statistic fills the gaps.</summary>
    public enum Statistic
    {
        Median,
        MostFrequent,
    }

    /// <summary>The learned fill value per column (after the last <see cref="Fit"/>; for tests and reports).</summary>
    public IReadOnlyDictionary<string, float> LastFill { get; private set; } = new Dictionary<string, float>();

    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fill = new float[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var values = input.GetColumn<float>(columns[c]).Where(v => !float.IsNaN(v)).ToArray();
            fill[c] = values.Length == 0 ? 0f : statistic == Statistic.Median ? Median(values) : Mode(values);
        }

        LastFill = columns.Select((name, c) => (name, fill[c])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);

        // One transformer for every column: a transform per column made each Transform call rebuild the schema once
        // per column (permutation importance on 300 columns took minutes). ML.NET's own missing-value replacer learns
        // our values when fitted on one row that holds them: the minimum of one value is that value, exactly.
        var pairs = columns.Select(name => new InputOutputColumnPair(name, name)).ToArray();
        return ml.Transforms.ReplaceMissingValues(pairs, MissingValueReplacingEstimator.ReplacementMode.Minimum)
            .Fit(new ConstantRowView(columns, fill));
    }

    /// <summary>Columns keep their names and float type.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;

    internal static float Median(float[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (float)((values[mid - 1] + (double)values[mid]) / 2);
    }

    /// <summary>Most frequent value; ties go to the smallest.</summary>
    internal static float Mode(float[] values)
    {
        Array.Sort(values);
        float best = values[0];
        int bestCount = 0, run = 0;
        for (var i = 0; i < values.Length; i++)
        {
            run = i > 0 && values[i] == values[i - 1] ? run + 1 : 1;
            if (run > bestCount)
            {
                (best, bestCount) = (values[i], run);
            }
        }

        return best;
    }
}
