using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Chooses how the OpenMP threads of LightGBM and XGBoost wait between parallel regions
/// (<c>OMP_WAIT_POLICY</c>), once, when the Core assembly loads, unless the user set the variable. The two policies
/// fail in opposite conditions (letter, LightGBM with 2 threads, one holdout fit, on 2 cores):
/// <list type="bullet">
/// <item>on an idle machine, sleeping threads (<c>PASSIVE</c>) pay a futex wake-up at every barrier: 23.7 s against
/// 2.8 s with libgomp's default short spin (8x slower; 20 s of it in the kernel);</item>
/// <item>on a busy machine (load average 19-30), spinning threads burn the slices their partners need: 160-330 s
/// against 23 s with <c>PASSIVE</c>, even with a spin count of 3,000.</item>
/// </list>
/// So the default spin is kept when the 1-minute load average leaves at least half a core idle
/// (load &lt; cores - 0.5), and <c>PASSIVE</c> is set otherwise, or when the load cannot be read. The variable must
/// reach the native environment before the OpenMP runtime starts; .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change it on Unix, hence <c>setenv</c>.
/// The choice is recorded in <c>environment.json</c> (<see cref="EnvironmentInfo.OpenMpWaitPolicy"/>).
/// </summary>
internal static class NativeThreading
{
    private const string Variable = "OMP_WAIT_POLICY";
    private const string Passive = "PASSIVE";

    /// <summary>What this process uses, e.g. "PASSIVE (load 3.1 on 2 cores)" or "set by the user: ACTIVE".</summary>
    internal static string Policy { get; private set; } = "libgomp default";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Must run before any code can load LightGBM's or XGBoost's native library.")]
    internal static void ChooseWaitPolicy()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } user)
        {
            Policy = $"set by the user: {user}";
            return;
        }

        var load = ReadLoadAverage();
        var cores = Environment.ProcessorCount;
        var where = load is { } l ? $"load {l.ToString("0.##", CultureInfo.InvariantCulture)} on {cores} cores" : "load unknown";
        if (!ShouldSleep(load, cores))
        {
            Policy = $"libgomp default spin ({where})";
            return;
        }

        Policy = $"{Passive} ({where})";
        SetNative(Variable, Passive);
    }

    /// <summary>True when waiting threads should sleep: the machine is busy (or its load is unknown).</summary>
    internal static bool ShouldSleep(double? loadAverage, int cores) => loadAverage is not { } load || load >= cores - 0.5;

    /// <summary>The 1-minute load average from <c>/proc/loadavg</c>; null where there is none.</summary>
    internal static double? ReadLoadAverage()
    {
        try
        {
            if (!File.Exists("/proc/loadavg"))
            {
                return null;
            }

            var first = File.ReadAllText("/proc/loadavg").Split(' ', 2)[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void SetNative(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var libc = OperatingSystem.IsMacOS() ? "libc.dylib" : "libc.so.6";
        if (NativeLibrary.TryLoad(libc, out var handle) && NativeLibrary.TryGetExport(handle, "setenv", out var setenv))
        {
            unsafe
            {
                var nativeName = Marshal.StringToHGlobalAnsi(name);
                var nativeValue = Marshal.StringToHGlobalAnsi(value);
                try
                {
                    _ = ((delegate* unmanaged<nint, nint, int, int>)setenv)(nativeName, nativeValue, 0);
                }
                finally
                {
                    Marshal.FreeHGlobal(nativeName);
                    Marshal.FreeHGlobal(nativeValue);
                }
            }
        }
    }
}
