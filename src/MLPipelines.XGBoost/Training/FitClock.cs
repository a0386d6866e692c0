using System.Diagnostics;

namespace MLPipelines.XGBoost.Training;

/// <summary>
/// Wall-clock and processor time since it started. Processor time is the whole process's (every thread: XGBoost's
/// OpenMP workers, ML.NET's cursor threads, the runtime's JIT and GC), so it counts all the work a fit caused and,
/// unlike wall-clock time, barely moves when other processes load the machine.
/// </summary>
internal sealed class FitClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _processor = Process.GetCurrentProcess().TotalProcessorTime;

    public double WallSeconds => _wall.Elapsed.TotalSeconds;

    public double ProcessorSeconds => (Process.GetCurrentProcess().TotalProcessorTime - _processor).TotalSeconds;
}
