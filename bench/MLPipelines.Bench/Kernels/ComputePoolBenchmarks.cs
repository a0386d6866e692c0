using BenchmarkDotNet.Attributes;
using MLPipelines.Neural.Kernels;

namespace MLPipelines.Bench.Kernels;

/// <summary>
/// Fork-join cost of <see cref="ComputePool"/> with back-to-back runs (workers spinning), beside
/// <see cref="Parallel.For(int, int, Action{int})"/> on the same trivial parts.
/// </summary>
[MemoryDiagnoser]
public class ComputePoolBenchmarks
{
    private readonly NoOpJob _job = new();

    [Params(2, 8)]
    public int Parts { get; set; } = 2;

    [Benchmark(Baseline = true)]
    public void PoolRun() => ComputePool.Shared.Run(_job, Parts, threads: 2);

    [Benchmark]
    public void ParallelFor() => Parallel.For(0, Parts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _job.Touch);

    private sealed class NoOpJob : IComputeJob
    {
        private readonly int[] _hits = new int[64];

        public void Execute(int part, int worker) => _hits[part & 63]++;

        public void Touch(int part) => Interlocked.Increment(ref _hits[part & 63]);
    }
}
