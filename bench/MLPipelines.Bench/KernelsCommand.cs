using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MLPipelines.Bench.Kernels;

namespace MLPipelines.Bench;

/// <summary>
/// <c>kernels [BenchmarkDotNet args]</c>: a small BenchmarkDotNet suite over the kernels (GEMM shapes of the MLP
/// bench, the bias-gradient reduction, a fused Dense forward, the compute pool's fork-join cost). Runs in process with a short job so the whole
/// suite takes a minute or two; pass e.g. <c>--filter *Gemm*</c> to select. The last line sums up the run:
/// <c>kernels benchmarks=N fastest_us=X slowest_us=Y</c>.
/// </summary>
internal static class KernelsCommand
{
    public static int Run(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromTypes([typeof(GemmBenchmarks), typeof(ReductionBenchmarks), typeof(ComputePoolBenchmarks)])
            .Run(args.Length == 0 ? ["--filter", "*"] : args, config)
            .ToList();
        var means = summaries.SelectMany(s => s.Reports)
            .Where(r => r.ResultStatistics is not null)
            .Select(r => r.ResultStatistics!.Mean / 1000.0)
            .ToList();
        if (means.Count == 0)
        {
            Console.Error.WriteLine("kernels: no benchmark ran (check --filter)");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kernels benchmarks={means.Count} fastest_us={means.Min():F1} slowest_us={means.Max():F1}"));
        return 0;
    }
}
