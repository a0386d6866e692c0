using Microsoft.ML;
using MLPipelines.Core.Runs;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// Lets one fit of the wrapped estimator run at a time in the process. LightGBM's native library is not safe to
/// train from two threads at once: OpenMP's thread count is process-global, LightGBM sizes per-thread buffers from
/// it, and a concurrent fit with another <c>threads</c> setting makes it index past them and crash the process
/// (seen here when test classes trained LightGBM in parallel; dotnet/machinelearning#4896 and LightGBM#2820 report
/// the same). Prediction is managed code in ML.NET and needs no gate. Fit returns the inner transformer unchanged,
/// so saved models and <c>LastTransformer</c> are exactly what the inner estimator produces. The fit runs on
/// <see cref="OpenMpThreads"/>, so every LightGBM fit of the process reuses one OpenMP team.
/// </summary>
internal sealed class NativeFitGate(IEstimator<ITransformer> inner, object gate, OpenMpThreads? threads = null) : IEstimator<ITransformer>
{
    /// <summary>The gate shared by every LightGBM fit in the process.</summary>
    internal static readonly object LightGbm = new();

    /// <summary>The wrapped estimator.</summary>
    internal IEstimator<ITransformer> Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public ITransformer Fit(IDataView input)
    {
        lock (gate)
        {
            try
            {
                return (threads ?? OpenMpThreads.Process).Run(() => Inner.Fit(input));
            }
            catch (ArgumentNullException e) when (e.StackTrace?.Contains("RegressionTree", StringComparison.Ordinal) == true)
            {
                // ML.NET cannot convert a LightGBM ensemble whose trees never split (too few rows for
                // min_data_in_leaf, or no feature that varies): bad data for this trainer, not a crash.
                var rows = input.GetRowCount() is { } n ? $"{n} training rows" : "the training rows";
                throw new MLPipelines.Results.Csv.DataFileException(
                    $"lightgbm learned no split from {rows}: too few rows for options.min_data_in_leaf (default 20), or no feature varies; add rows or lower min_data_in_leaf", e);
            }
        }
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => Inner.GetOutputSchema(inputSchema);
}
