using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MLPipelines.XGBoost.Native;

/// <summary>
/// Finds XGBoost's C library: the file named by <c>MLPIPE_XGBOOST_LIBRARY</c> when set (and only that file, so a
/// wrong path is reported instead of silently using another copy), else <c>libxgboost.so</c> /
/// <c>libxgboost.so.0</c> on the loader path (Debian's <c>libxgboost0</c> package), else Debian's multiarch folder.
/// <see cref="Probe"/> says once per process whether it loaded, which version it is and, if not, how to install it;
/// the spec validator asks it before any data is read so a missing library is a spec error, not a crash mid-run.
/// </summary>
public static class XGBoostLibrary
{
    /// <summary>Environment variable with an explicit path to <c>libxgboost.so</c> (or <c>xgboost.dll</c>, <c>libxgboost.dylib</c>).</summary>
    public const string PathVariable = "MLPIPE_XGBOOST_LIBRARY";

    /// <summary>Oldest version whose C API and JSON model format this binding uses (<c>XGBoosterSaveModelToBuffer</c> with a config).</summary>
    public static readonly Version MinimumVersion = new(1, 6, 0);

    private static readonly Lazy<XGBoostAvailability> Availability = new(Load);
    private static nint _handle;
    private static string? _loadedFrom;

    /// <summary>Whether the library can be used in this process; loads it on the first call.</summary>
    public static XGBoostAvailability Probe() => Availability.Value;

    /// <summary>Throws <see cref="XGBoostException"/> with the install hint when the library is not usable.</summary>
    internal static void EnsureAvailable()
    {
        var probe = Probe();
        if (!probe.IsAvailable)
        {
            throw new XGBoostException(probe.Problem!);
        }
    }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The resolver must be in place before the first call into the library.")]
    internal static void RegisterResolver() =>
        NativeLibrary.SetDllImportResolver(typeof(XGBoostLibrary).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == XGBoostNative.Library ? Probe().IsAvailable ? _handle : nint.Zero : nint.Zero;

    private static XGBoostAvailability Load()
    {
        var tried = new List<string>();
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        var candidates = string.IsNullOrWhiteSpace(explicitPath) ? DefaultCandidates() : [explicitPath.Trim()];
        foreach (var candidate in candidates)
        {
            tried.Add(candidate);
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                _handle = handle;
                _loadedFrom = candidate;
                break;
            }
        }

        if (_handle == nint.Zero)
        {
            var where = string.IsNullOrWhiteSpace(explicitPath)
                ? $"tried {string.Join(", ", tried)}"
                : $"{PathVariable}={explicitPath} could not be loaded";
            return XGBoostAvailability.Missing(
                $"XGBoost's native library was not found ({where}); install it with 'apt-get install libxgboost0' " +
                $"(Debian/Ubuntu) or set {PathVariable} to the path of libxgboost.so");
        }

        if (!NativeLibrary.TryGetExport(_handle, "XGBoostVersion", out var versionExport))
        {
            return XGBoostAvailability.Missing($"{_loadedFrom} is not XGBoost's C library (no XGBoostVersion function)");
        }

        int major, minor, patch;
        unsafe
        {
            ((delegate* unmanaged<int*, int*, int*, void>)versionExport)(&major, &minor, &patch);
        }

        var version = new Version(major, minor, patch);
        return version < MinimumVersion
            ? XGBoostAvailability.Missing($"{_loadedFrom} is XGBoost {version}; {MinimumVersion} or newer is needed (apt-get install libxgboost0, or set {PathVariable})")
            : XGBoostAvailability.Loaded(_loadedFrom!, version);
    }

    private static string[] DefaultCandidates()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["xgboost.dll"];
        }

        if (OperatingSystem.IsMacOS())
        {
            return ["libxgboost.dylib"];
        }

        var multiarch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm64 => "aarch64-linux-gnu",
            _ => "x86_64-linux-gnu",
        };
        return ["libxgboost.so", "libxgboost.so.0", $"/usr/lib/{multiarch}/libxgboost.so.0", "/usr/local/lib/libxgboost.so"];
    }
}
