using System.Diagnostics;
using System.Globalization;
using MLPipelines.Bench.Kernels;
using MLPipelines.Neural.Kernels;

namespace MLPipelines.Bench;

/// <summary>
/// <c>gemm --size N | --m M --n N --k K [--threads T] [--transA] [--transB] [--cold] [--calls C] [--seconds S]</c>:
/// GFLOP/s of <see cref="Gemm.Multiply(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int, int)"/>
/// (C = A * B, beta = 0), counting 2 m n k flops per call.
/// </summary>
/// <remarks>
/// Warms up for half a second (so tiered JIT has produced final code), then times every call separately for
/// S seconds (default 1, at least C calls, default 20) and reports the fastest call (the one least disturbed by
/// other load on the shared cores) and the median. With --cold, calls cycle through several operand sets so
/// operands come from L3, not L1/L2, as in a training step.
/// The last line is <c>gemm size=N threads=T gflops=X</c> (X = best), or <c>size=MxNxK</c> for a non-square shape.
/// </remarks>
internal static class GemmCommand
{
    public static int Run(string[] args)
    {
        int m = 0, n = 0, k = 0, threads = 1, minCalls = 20;
        double seconds = 1.0;
        bool transA = false, transB = false, cold = false;
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--size": m = n = k = IntArg(args, ref i); break;
                    case "--m": m = IntArg(args, ref i); break;
                    case "--n": n = IntArg(args, ref i); break;
                    case "--k": k = IntArg(args, ref i); break;
                    case "--threads": threads = IntArg(args, ref i); break;
                    case "--calls": minCalls = IntArg(args, ref i); break;
                    case "--seconds": seconds = double.Parse(Next(args, ref i), CultureInfo.InvariantCulture); break;
                    case "--transA": transA = true; break;
                    case "--transB": transB = true; break;
                    case "--cold": cold = true; break;

                    // Tuning knobs of the driver (internal settings), for experiments; defaults are the library's.
                    case "--direct-a-cols": GemmDriver.DirectAMaxColumns = IntArg(args, ref i); break;
                    case "--direct-b-rows": GemmDriver.DirectBMaxRows = IntArg(args, ref i); break;
                    case "--direct-rows-a-cols": GemmDriver.DirectRowsAMaxColumns = IntArg(args, ref i); break;
                    case "--direct-a-lda": GemmDriver.DirectAMaxLeading = IntArg(args, ref i); break;
                    case "--direct-b-ldb": GemmDriver.DirectBMaxLeading = IntArg(args, ref i); break;
                    case "--row-chunk": GemmDriver.RowChunk = IntArg(args, ref i); break;
                    case "--col-chunk": GemmDriver.ColChunk = IntArg(args, ref i); break;
                    case "--parallel-min-flops": GemmDriver.ParallelMinFlops = IntArg(args, ref i); break;
                    default:
                        Console.Error.WriteLine($"gemm: unknown argument '{args[i]}'");
                        return Usage();
                }
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            Console.Error.WriteLine($"gemm: {e.Message}");
            return Usage();
        }

        if (m <= 0 || n <= 0 || k <= 0 || threads <= 0 || minCalls <= 0)
        {
            return Usage();
        }

        // --cold: rotate through enough operand sets (> 8 MiB) that each call finds its operands in L3 but not
        // in L1/L2, as in a training step where the previous layer's work has evicted them.
        var rng = new Random(42);
        var bytesPerSet = 4L * ((long)m * k + ((long)k * n) + ((long)m * n));
        var sets = cold ? (int)Math.Clamp((8L << 20) / bytesPerSet + 1, 2, 64) : 1;
        var aSets = Enumerable.Range(0, sets).Select(_ => RandomMatrix(m * k, rng)).ToArray();
        var bSets = Enumerable.Range(0, sets).Select(_ => RandomMatrix(k * n, rng)).ToArray();
        var cSets = Enumerable.Range(0, sets).Select(_ => new float[m * n]).ToArray();
        var lda = transA ? m : k;
        var ldb = transB ? k : n;
        var next = 0;
        void Once()
        {
            var s = next++ % sets;
            Gemm.Multiply(transA, transB, m, n, k, 1f, aSets[s], lda, bSets[s], ldb, 0f, cSets[s], n, threads);
        }

        Once();
        var error = SpotCheck(transA, transB, m, n, k, aSets[0], lda, bSets[0], ldb, cSets[0]);
        var flops = 2.0 * m * n * k;
        WarmUp(Once, 0.5);
        var rates = new List<double>();
        var started = Stopwatch.GetTimestamp();
        var cpuStarted = ThreadCpuTime.Seconds();
        while (rates.Count < minCalls || Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
        {
            var start = Stopwatch.GetTimestamp();
            Once();
            rates.Add(flops / Stopwatch.GetElapsedTime(start).TotalSeconds / 1e9);
        }

        // With one thread, flops over this thread's CPU time: a second estimate that ignores time the thread was
        // descheduled by other load (cache pollution from that load still counts against us).
        var cpuRate = threads == 1 ? flops * rates.Count / (ThreadCpuTime.Seconds() - cpuStarted) / 1e9 : double.NaN;

        rates.Sort();
        var shape = m == n && n == k ? $"{m}" : $"{m}x{n}x{k}";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# gemm m={m} n={n} k={k} transA={transA} transB={transB} cold={cold} isa={GemmDriver.Isa} calls={rates.Count} median={rates[rates.Count / 2]:F1} per-cpu-second={cpuRate:F1} max-rel-error={error:G2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gemm size={shape} threads={threads} gflops={rates[^1]:F1}"));
        return 0;
    }

    /// <summary>Runs the call repeatedly for about <paramref name="warmSeconds"/> so tiered JIT reaches its final code.</summary>
    private static void WarmUp(Action once, double warmSeconds)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < warmSeconds)
        {
            once();
        }
    }

    /// <summary>Largest relative error of 64 sampled elements against a double-precision dot product.</summary>
    private static double SpotCheck(bool transA, bool transB, int m, int n, int k, float[] a, int lda, float[] b, int ldb, float[] c)
    {
        var rng = new Random(7);
        var worst = 0.0;
        for (var s = 0; s < 64; s++)
        {
            int i = rng.Next(m), j = rng.Next(n);
            double sum = 0, magnitude = 0;
            for (var p = 0; p < k; p++)
            {
                var product = (double)(transA ? a[(p * lda) + i] : a[(i * lda) + p]) * (transB ? b[(j * ldb) + p] : b[(p * ldb) + j]);
                sum += product;
                magnitude += Math.Abs(product);
            }

            worst = Math.Max(worst, Math.Abs(sum - c[(i * n) + j]) / magnitude);
        }

        if (worst > 1e-4)
        {
            throw new InvalidOperationException($"GEMM result is wrong: relative error {worst:G3}.");
        }

        return worst;
    }

    private static float[] RandomMatrix(int length, Random rng)
    {
        var data = new float[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return data;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: gemm --size N | --m M --n N --k K [--threads T] [--transA] [--transB] [--cold] [--calls C] [--seconds S]");
        return 2;
    }

    private static string Next(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static int IntArg(string[] args, ref int i) => int.Parse(Next(args, ref i), CultureInfo.InvariantCulture);
}
