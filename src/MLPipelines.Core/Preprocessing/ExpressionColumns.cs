using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using Microsoft.ML.Transforms;

namespace MLPipelines.Core.Preprocessing;

/// <summary>
/// Several ML.NET expression columns in one <see cref="ExpressionTransformer"/>. A transformer per column made every
/// view a stack of as many layers, each doing work proportional to the width of the schema whenever a cursor or a
/// schema is made, so wide text tables (one layer per column for missing tokens, again for imputation) allocated
/// gigabytes per run. ML.NET's <see cref="ExpressionEstimator"/> computes several columns, each from the schema before
/// it, but only its internal constructor takes them: it is reached by reflection, and where it cannot be (another
/// ML.NET version) the columns fall back to a flat chain of public single-column estimators, with the same values
/// as long as no column reads another's output. Saved models load with ML.NET alone either way.
/// </summary>
internal static class ExpressionColumns
{
    private static readonly Type? OptionsType = typeof(ExpressionEstimator).GetNestedType("ColumnOptions", BindingFlags.NonPublic);

    private static readonly ConstructorInfo? OptionsConstructor =
        OptionsType?.GetConstructor([typeof(string), typeof(string[]), typeof(string)]);

    private static readonly ConstructorInfo? EstimatorConstructor = OptionsType is null ? null
        : typeof(ExpressionEstimator).GetConstructor(
            BindingFlags.NonPublic | BindingFlags.Instance, [typeof(IHostEnvironment), OptionsType.MakeArrayType()]);

    /// <summary>True when the columns go into one transformer (ML.NET's internal constructor was found).</summary>
    internal static bool Grouped => OptionsConstructor is not null && EstimatorConstructor is not null;

    /// <summary>
    /// An estimator computing every (<c>Output</c>, <c>Input</c>, <c>Expression</c>) column, each exactly as
    /// <c>ml.Transforms.Expression(Output, Expression, Input)</c> would; an output may replace its input.
    /// </summary>
    public static IEstimator<ITransformer> Create(MLContext ml, IReadOnlyList<(string Output, string Input, string Expression)> columns)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Count);
        if (columns.Count == 1)
        {
            return ml.Transforms.Expression(columns[0].Output, columns[0].Expression, columns[0].Input);
        }

        if (!Grouped)
        {
            var chain = new EstimatorChain<ITransformer>(); // flat: IEstimator.Append nests a chain per column
            foreach (var (output, input, expression) in columns)
            {
                chain = chain.Append<ITransformer>(ml.Transforms.Expression(output, expression, input));
            }

            return chain;
        }

        var options = Array.CreateInstance(OptionsType!, columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            options.SetValue(OptionsConstructor!.Invoke([columns[i].Output, new[] { columns[i].Input }, columns[i].Expression]), i);
        }

        return (ExpressionEstimator)EstimatorConstructor!.Invoke([ml, options]);
    }
}
