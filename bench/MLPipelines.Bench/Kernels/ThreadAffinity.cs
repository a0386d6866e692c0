using System.Runtime.InteropServices;

namespace MLPipelines.Bench.Kernels;

/// <summary>Pins the calling thread to one CPU (Linux <c>sched_setaffinity</c> on thread id 0 = the caller).</summary>
internal static partial class ThreadAffinity
{
    /// <summary>Pins the calling thread to <paramref name="cpu"/> (0-63); false where pinning is not available or refused.</summary>
    public static bool PinCurrentThread(int cpu)
    {
        if (!OperatingSystem.IsLinux() || cpu is < 0 or > 63)
        {
            return false;
        }

        var mask = 1UL << cpu;
        return SchedSetAffinity(0, sizeof(ulong), ref mask) == 0;
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint size, ref ulong mask);
}
