using System.Runtime.InteropServices;

namespace MLPipelines.XGBoost.Native;

/// <summary>
/// The few functions of XGBoost's C API (<c>xgboost/c_api.h</c>, stable since 1.0) that training, prediction and
/// model export need. Every function but <see cref="XGBGetLastError"/> returns 0 on success and -1 on failure, with
/// the message in <see cref="XGBGetLastError"/> (thread-local); <see cref="XGBoostException.Check"/> turns that into
/// an exception. The library is located by <see cref="XGBoostLibrary"/>.
/// </summary>
internal static partial class XGBoostNative
{
    internal const string Library = "xgboost";

    [LibraryImport(Library)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Library)]
    internal static partial nint XGBGetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBSetGlobalConfig(string config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixCreateFromDense(string arrayInterface, string config, out DMatrixHandle handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGDMatrixSetFloatInfo(DMatrixHandle handle, string field, float* values, ulong length);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixNumRow(DMatrixHandle handle, out ulong rows);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixFree(nint handle);

    [LibraryImport(Library)]
    internal static unsafe partial int XGBoosterCreate(nint* matrices, ulong length, out BoosterHandle handle);

    [LibraryImport(Library)]
    internal static partial int XGBoosterFree(nint handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(Library)]
    internal static partial int XGBoosterUpdateOneIter(BoosterHandle handle, int iteration, DMatrixHandle train);

    [LibraryImport(Library)]
    internal static partial int XGBoosterBoostedRounds(BoosterHandle handle, out int rounds);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGBoosterPredictFromDMatrix(
        BoosterHandle handle, DMatrixHandle matrix, string config, out ulong* shape, out ulong dimensions, out float* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGBoosterSaveModelToBuffer(BoosterHandle handle, string config, out ulong length, out byte* data);

    [LibraryImport(Library)]
    internal static unsafe partial int XGBoosterLoadModelFromBuffer(BoosterHandle handle, byte* data, ulong length);
}
