using System.Diagnostics;
using System.Globalization;
using MLPipelines.Bench.Kernels;

namespace MLPipelines.Bench;

/// <summary>
/// <c>peak [--threads 1,2] [--seconds S] [--width 512|256]</c>: the machine's float32 FMA peak in GFLOP/s, the
/// ceiling every kernel figure in docs/benchmarks.md is stated against (ours and the peers').
/// </summary>
/// <remarks>
/// For each thread count the threads run <see cref="FmaPeak"/> bursts of about 5 ms together (a barrier starts
/// each burst; the burst's wall time is the slowest thread's), once free to migrate and once pinned one per CPU;
/// the fastest burst of S seconds (default 1) counts, as with the GEMM figures, because other processes share
/// the cores. The last line is <c>peak width=W threads1=X threads2=Y per_core=Z</c> (best of pinned and unpinned).
/// </remarks>
internal static class PeakCommand
{
    public static int Run(string[] args)
    {
        var threadCounts = new List<int> { 1, Environment.ProcessorCount };
        var seconds = 1.0;
        var width = FmaPeak.WidestWidth;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--threads": threadCounts = [.. Next(args, ref i).Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))]; break;
                    case "--seconds": seconds = double.Parse(Next(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--width": width = int.Parse(Next(args, ref i), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"unknown argument '{args[i]}'");
                }
            }

            if (threadCounts.Any(t => t <= 0) || seconds <= 0 || (width != 512 && width != 256))
            {
                throw new ArgumentException("--threads must be positive, --seconds > 0, --width 512 or 256");
            }

            if (width > FmaPeak.WidestWidth)
            {
                throw new ArgumentException($"this CPU has no {width}-bit FMA (widest: {FmaPeak.WidestWidth})");
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            Console.Error.WriteLine($"peak: {e.Message}");
            Console.Error.WriteLine("usage: peak [--threads 1,2] [--seconds S] [--width 512|256]");
            return 2;
        }

        var iterations = CalibrateBurst(width);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# FMA-only loop: {FmaPeak.Accumulators} independent {width}-bit accumulators, {FmaPeak.FlopsPerIteration(width)} flops per iteration, bursts of {iterations} iterations, best burst of {seconds} s; cpus={Environment.ProcessorCount}"));
        var best = new Dictionary<int, double>();
        foreach (var threads in threadCounts.Distinct())
        {
            foreach (var pinned in new[] { false, true })
            {
                var (fastest, median) = Measure(width, iterations, threads, pinned, seconds);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"threads={threads} pinned={pinned.ToString().ToLowerInvariant()} gflops={fastest:F1} median={median:F1} per_thread={fastest / threads:F1}"));
                best[threads] = Math.Max(best.GetValueOrDefault(threads), fastest);
            }
        }

        var perCore = best.Max(kv => kv.Value / kv.Key);
        var summary = string.Join(' ', best.Select(kv => string.Create(CultureInfo.InvariantCulture, $"threads{kv.Key}={kv.Value:F1}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak width={width} {summary} per_core={perCore:F1}"));
        return 0;
    }

    /// <summary>
    /// Iterations for a burst of about 5 ms on one thread (after the JIT has compiled the loop): short, like one GEMM
    /// call, so that the fastest burst is one no other process interrupted even on a busy machine.
    /// </summary>
    private static long CalibrateBurst(int width)
    {
        FmaPeak.Run(width, 1_000);
        var start = Stopwatch.GetTimestamp();
        FmaPeak.Run(width, 10_000_000);
        var perIteration = Stopwatch.GetElapsedTime(start).TotalSeconds / 10_000_000;
        return Math.Max(10_000, (long)(0.005 / perIteration));
    }

    /// <summary>Fastest and median GFLOP/s of synchronized bursts on <paramref name="threads"/> threads.</summary>
    private static (double Fastest, double Median) Measure(int width, long iterations, int threads, bool pinned, double seconds)
    {
        var flops = FmaPeak.FlopsPerIteration(width) * iterations * threads;
        var rates = new List<double>();
        using var start = new Barrier(threads + 1);
        using var end = new Barrier(threads + 1);
        var stop = false;
        var sink = new float[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            if (pinned)
            {
                ThreadAffinity.PinCurrentThread(t % Environment.ProcessorCount);
            }

            while (true)
            {
                start.SignalAndWait();
                if (Volatile.Read(ref stop))
                {
                    return;
                }

                sink[t] += FmaPeak.Run(width, iterations);
                end.SignalAndWait();
            }
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        var began = Stopwatch.GetTimestamp();
        while (rates.Count < 20 || Stopwatch.GetElapsedTime(began).TotalSeconds < seconds)
        {
            var burst = Stopwatch.GetTimestamp();
            start.SignalAndWait();
            end.SignalAndWait();
            rates.Add(flops / Stopwatch.GetElapsedTime(burst).TotalSeconds / 1e9);
        }

        Volatile.Write(ref stop, true);
        start.SignalAndWait();
        workers.ForEach(w => w.Join());
        if (sink.Any(float.IsNaN))
        {
            throw new InvalidOperationException("FMA loop produced NaN");
        }

        rates.Sort();
        return (rates[^1], rates[rates.Count / 2]);
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
}
