using System.Globalization;

namespace MLPipelines.XGBoost.Native;

/// <summary>
/// An XGBoost booster: parameters, one boosting round at a time, prediction and the model as bytes. Owns its native
/// handle (<see cref="BoosterHandle"/>); dispose it (or let the finalizer free it).
/// </summary>
internal sealed class Booster : IDisposable
{
    private readonly BoosterHandle _handle;

    private Booster(BoosterHandle handle) => _handle = handle;

    /// <summary>A booster that caches <paramref name="train"/> (as python's <c>xgboost.train</c> does).</summary>
    public static unsafe Booster Create(DMatrix train)
    {
        ArgumentNullException.ThrowIfNull(train);
        XGBoostLibrary.EnsureAvailable();
        var added = false;
        try
        {
            train.Handle.DangerousAddRef(ref added);
            var matrix = train.Handle.DangerousGetHandle();
            XGBoostException.Check(XGBoostNative.XGBoosterCreate(&matrix, 1, out var handle), nameof(XGBoostNative.XGBoosterCreate));
            return new Booster(handle);
        }
        finally
        {
            if (added)
            {
                train.Handle.DangerousRelease();
            }
        }
    }

    /// <summary>A booster loaded from <see cref="Save"/>'s bytes (JSON or UBJSON).</summary>
    public static unsafe Booster Load(ReadOnlySpan<byte> model)
    {
        XGBoostLibrary.EnsureAvailable();
        XGBoostException.Check(XGBoostNative.XGBoosterCreate(null, 0, out var handle), nameof(XGBoostNative.XGBoosterCreate));
        var booster = new Booster(handle);
        try
        {
            fixed (byte* p = model)
            {
                XGBoostException.Check(XGBoostNative.XGBoosterLoadModelFromBuffer(handle, p, (ulong)model.Length), nameof(XGBoostNative.XGBoosterLoadModelFromBuffer));
            }

            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    public void SetParameter(string name, string value) =>
        XGBoostException.Check(XGBoostNative.XGBoosterSetParam(_handle, name, value), $"{nameof(XGBoostNative.XGBoosterSetParam)}({name}={value})");

    public void UpdateOneIteration(int iteration, DMatrix train)
    {
        ArgumentNullException.ThrowIfNull(train);
        XGBoostException.Check(XGBoostNative.XGBoosterUpdateOneIter(_handle, iteration, train.Handle), nameof(XGBoostNative.XGBoosterUpdateOneIter));
    }

    public int BoostedRounds
    {
        get
        {
            XGBoostException.Check(XGBoostNative.XGBoosterBoostedRounds(_handle, out var rounds), nameof(XGBoostNative.XGBoosterBoostedRounds));
            return rounds;
        }
    }

    /// <summary>
    /// Predictions for every row of <paramref name="data"/>, row-major: the transformed value (probability,
    /// class probabilities, regression value) or, with <paramref name="margin"/>, the raw sum of tree outputs.
    /// </summary>
    public unsafe float[] Predict(DMatrix data, bool margin)
    {
        ArgumentNullException.ThrowIfNull(data);
        var config = string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\": {(margin ? 1 : 0)}, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": false}}");
        XGBoostException.Check(
            XGBoostNative.XGBoosterPredictFromDMatrix(_handle, data.Handle, config, out var shape, out var dimensions, out var result),
            nameof(XGBoostNative.XGBoosterPredictFromDMatrix));
        var count = 1UL;
        for (var d = 0UL; d < dimensions; d++)
        {
            count *= shape[d];
        }

        return new ReadOnlySpan<float>(result, checked((int)count)).ToArray();
    }

    /// <summary>The model in XGBoost's own format: <c>json</c> or <c>ubj</c> (universal binary JSON).</summary>
    public unsafe byte[] Save(string format = "json")
    {
        XGBoostException.Check(
            XGBoostNative.XGBoosterSaveModelToBuffer(_handle, $"{{\"format\": \"{format}\"}}", out var length, out var data),
            nameof(XGBoostNative.XGBoosterSaveModelToBuffer));
        return new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
    }

    public void Dispose() => _handle.Dispose();
}
