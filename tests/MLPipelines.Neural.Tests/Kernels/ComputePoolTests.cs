using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

public sealed class ComputePoolTests
{
    [Fact]
    public void ComputePool_Run_ExecutesEveryPartExactlyOnce()
    {
        using var pool = new ComputePool(1);
        var job = new CountingJob(1000);

        pool.Run(job, 1000, threads: 2);
        pool.Run(job, 1000, threads: 2);

        Assert.All(job.Counts, count => Assert.Equal(2, count));
    }

    [Fact]
    public void ComputePool_Run_UsesTwoThreadsAtOnce()
    {
        // Given two parts that each wait for the other: only two concurrent threads can finish them.
        using var pool = new ComputePool(1);
        using var job = new RendezvousJob(2);

        pool.Run(job, 2, threads: 2);

        Assert.True(job.AllMet);
        Assert.Equal([0, 1], job.Workers.Order());
    }

    [Fact]
    public void ComputePool_Run_WithOneThreadRunsOnCallerOnly()
    {
        using var pool = new ComputePool(1);
        var job = new ThreadRecordingJob();

        pool.Run(job, 50, threads: 1);

        Assert.Equal([Environment.CurrentManagedThreadId], job.ThreadIds.Distinct());
    }

    [Fact]
    public void ComputePool_Run_NestedCallRunsInline()
    {
        using var pool = new ComputePool(1);
        var inner = new CountingJob(10);
        var outer = new NestingJob(pool, inner);

        pool.Run(outer, 4, threads: 2);

        Assert.All(inner.Counts, count => Assert.Equal(4, count));
    }

    [Fact]
    public void ComputePool_Run_WrapsPartFailureAndStaysUsable()
    {
        using var pool = new ComputePool(1);

        var ex = Assert.Throws<AggregateException>(() => pool.Run(new FailingJob(7), 20, threads: 2));
        var job = new CountingJob(20);
        pool.Run(job, 20, threads: 2);

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.All(job.Counts, count => Assert.Equal(1, count));
    }

    [Fact]
    public void ComputePool_Run_WakesSleepingWorker()
    {
        // Given a worker idle long enough to pass its spin and yield phases and block.
        using var pool = new ComputePool(1);
        pool.Run(new CountingJob(4), 4, threads: 2);
        Thread.Sleep(50);
        using var job = new RendezvousJob(2);

        pool.Run(job, 2, threads: 2);

        Assert.True(job.AllMet);
    }

    private sealed class CountingJob(int parts) : IComputeJob
    {
        public int[] Counts { get; } = new int[parts];

        public void Execute(int part, int worker) => Interlocked.Increment(ref Counts[part]);
    }

    private sealed class RendezvousJob(int parties) : IComputeJob, IDisposable
    {
        private readonly CountdownEvent _arrived = new(parties);
        private int _met;

        public List<int> Workers { get; } = [];

        public bool AllMet => Volatile.Read(ref _met) == parties;

        public void Dispose() => _arrived.Dispose();

        public void Execute(int part, int worker)
        {
            lock (Workers)
            {
                Workers.Add(worker);
            }

            _arrived.Signal();
            if (_arrived.Wait(TimeSpan.FromSeconds(10)))
            {
                Interlocked.Increment(ref _met);
            }
        }
    }

    private sealed class ThreadRecordingJob : IComputeJob
    {
        public List<int> ThreadIds { get; } = [];

        public void Execute(int part, int worker)
        {
            lock (ThreadIds)
            {
                ThreadIds.Add(Environment.CurrentManagedThreadId);
            }
        }
    }

    private sealed class NestingJob(ComputePool pool, CountingJob inner) : IComputeJob
    {
        public void Execute(int part, int worker) => pool.Run(inner, inner.Counts.Length, threads: 2);
    }

    private sealed class FailingJob(int failingPart) : IComputeJob
    {
        public void Execute(int part, int worker)
        {
            if (part == failingPart)
            {
                throw new InvalidOperationException("part failed");
            }
        }
    }
}
