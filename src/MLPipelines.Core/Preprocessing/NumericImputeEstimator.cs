using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// Fills NaN in float columns with a statistic of the rows it is fitted on (the training rows of a fold): the
/// median (middle value; mean of the two middle values for an even count) or the most frequent value. Fitting
/// returns ML.NET expression transformers (<c>isna(x) ? c : x</c>) holding the learned constants, so the fitted
/// model saves and loads with plain ML.NET. A column with no value in the fitted rows is filled with 0.
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
        var fill = new Dictionary<string, float>(StringComparer.Ordinal);
        var chain = new EstimatorChain<ITransformer>(); // flat: IEstimator.Append nests a chain per column
        foreach (var column in columns)
        {
            var values = input.GetColumn<float>(column).Where(v => !float.IsNaN(v)).ToArray();
            var value = values.Length == 0 ? 0f : statistic == Statistic.Median ? Median(values) : Mode(values);
            fill[column] = value;
            var step = ml.Transforms.Expression(column, $"x => isna(x) ? {ExpressionText.Float(value)} : x", column);
            chain = chain.Append<ITransformer>(step);
        }

        LastFill = fill;
        return chain.Fit(input);
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
