using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Makes LightGBM's OpenMP threads sleep instead of spinning while they wait (<c>OMP_WAIT_POLICY=PASSIVE</c>)
/// unless the user set the variable. With spinning threads, LightGBM slows down by an order of magnitude as soon
/// as other processes compete for the cores (measured on a busy 2-core machine: 75-180 s instead of 13-18 s for 50
/// rounds on letter). The variable must reach the native environment before the OpenMP runtime starts, so this
/// runs when the Core assembly loads; .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/>
/// does not change the native environment on Unix, hence <c>setenv</c>.
/// </summary>
internal static class NativeThreading
{
    private const string Variable = "OMP_WAIT_POLICY";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "Must run before any code can load LightGBM's native library.")]
    internal static void UsePassiveWait()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 })
        {
            return;
        }

        Environment.SetEnvironmentVariable(Variable, "PASSIVE");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var libc = OperatingSystem.IsMacOS() ? "libc.dylib" : "libc.so.6";
        if (NativeLibrary.TryLoad(libc, out var handle) && NativeLibrary.TryGetExport(handle, "setenv", out var setenv))
        {
            unsafe
            {
                var name = Marshal.StringToHGlobalAnsi(Variable);
                var value = Marshal.StringToHGlobalAnsi("PASSIVE");
                try
                {
                    _ = ((delegate* unmanaged<nint, nint, int, int>)setenv)(name, value, 0);
                }
                finally
                {
                    Marshal.FreeHGlobal(name);
                    Marshal.FreeHGlobal(value);
                }
            }
        }
    }
}
