using System.Globalization;

namespace MLPipelines.XGBoost.Native;

/// <summary>
/// An XGBoost data matrix built from row-major floats (NaN = missing, XGBoost's own missing-value handling), the
/// same way python's <c>xgboost.DMatrix(numpy_array)</c> builds it (<c>XGDMatrixCreateFromDense</c> with an
/// array interface), so both sides train on identical matrices. XGBoost copies the values; the array is pinned
/// only during the call.
/// </summary>
internal sealed class DMatrix : IDisposable
{
    private DMatrix(DMatrixHandle handle, int rows, int columns)
    {
        Handle = handle;
        Rows = rows;
        Columns = columns;
    }

    public DMatrixHandle Handle { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Copies <paramref name="values"/> (<paramref name="rows"/> x <paramref name="columns"/>, row-major) into a new matrix.</summary>
    public static unsafe DMatrix FromDense(ReadOnlySpan<float> values, int rows, int columns, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (values.Length != (long)rows * columns)
        {
            throw new ArgumentException($"Expected {rows} x {columns} = {(long)rows * columns} values, got {values.Length}.", nameof(values));
        }

        XGBoostLibrary.EnsureAvailable();
        fixed (float* data = values)
        {
            var arrayInterface = string.Create(CultureInfo.InvariantCulture,
                $"{{\"data\": [{(ulong)data}, true], \"shape\": [{rows}, {columns}], \"strides\": null, \"typestr\": \"<f4\", \"version\": 3}}");
            var config = string.Create(CultureInfo.InvariantCulture, $"{{\"missing\": NaN, \"nthread\": {threads}}}");
            XGBoostException.Check(XGBoostNative.XGDMatrixCreateFromDense(arrayInterface, config, out var handle), nameof(XGBoostNative.XGDMatrixCreateFromDense));
            return new DMatrix(handle, rows, columns);
        }
    }

    /// <summary>Sets the label of every row (class index for classification, 0/1 for binary, the target for regression).</summary>
    public unsafe void SetLabels(ReadOnlySpan<float> labels)
    {
        if (labels.Length != Rows)
        {
            throw new ArgumentException($"Expected {Rows} labels, got {labels.Length}.", nameof(labels));
        }

        fixed (float* p = labels)
        {
            XGBoostException.Check(XGBoostNative.XGDMatrixSetFloatInfo(Handle, "label", p, (ulong)labels.Length), nameof(XGBoostNative.XGDMatrixSetFloatInfo));
        }
    }

    public void Dispose() => Handle.Dispose();
}
