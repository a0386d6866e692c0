using System.Diagnostics;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// A small persistent pool of compute threads for kernels that run many short parallel sections
/// (GEMMs of a fraction of a millisecond), where ThreadPool or Parallel.For dispatch costs too much.
/// </summary>
/// <remarks>
/// <para>The calling thread always takes part (as worker 0), and idle workers spin briefly, then yield,
/// then sleep, so back-to-back runs start in about a microsecond while an idle pool costs no CPU.</para>
/// <para>Parts are handed out dynamically (whoever is free takes the next index), so a job must follow the
/// determinism rule of <see cref="IComputeJob"/>: disjoint outputs per part, no dependence on the worker.
/// Then results are bit-identical whatever the thread count or scheduling.</para>
/// <para>One run at a time: a call made while the pool is busy (from another thread, or nested inside a
/// job) runs all its parts on the calling thread instead of waiting, which gives the same results.</para>
/// </remarks>
public sealed class ComputePool : IDisposable
{
    /// <summary>How long an idle worker spins before it starts yielding (50 us), in Stopwatch ticks.</summary>
    internal static readonly long SpinTicks = Stopwatch.Frequency / 20_000;

    /// <summary>How long it then yields its core before it sleeps (1 ms), in Stopwatch ticks.</summary>
    internal static readonly long YieldTicks = Stopwatch.Frequency / 1_000;

    private static readonly Lazy<ComputePool> SharedPool = new(() => new ComputePool(Environment.ProcessorCount - 1));

    private readonly ComputeWorker[] _workers;
    private IComputeJob? _job;
    private int _parts;
    private int _nextPart;
    private int _busy;
    private Exception? _failure;
    private bool _disposed;

    /// <summary>Creates a pool with <paramref name="workerCount"/> threads besides the caller.</summary>
    /// <param name="workerCount">Background threads to start (0 is allowed: every run is then serial).</param>
    public ComputePool(int workerCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workerCount);
        _workers = new ComputeWorker[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            _workers[w] = new ComputeWorker(this, w + 1);
        }
    }

    /// <summary>The process-wide pool: <see cref="Environment.ProcessorCount"/> - 1 workers plus the caller.</summary>
    public static ComputePool Shared => SharedPool.Value;

    /// <summary>Most threads one run can use: the workers plus the caller.</summary>
    public int MaxThreads => _workers.Length + 1;

    /// <summary>
    /// Runs <c>job.Execute(part, worker)</c> for every part in [0, <paramref name="parts"/>) on up to
    /// <paramref name="threads"/> threads (the caller included) and returns when all parts are done.
    /// </summary>
    /// <param name="job">The work; see the determinism rule on <see cref="IComputeJob"/>.</param>
    /// <param name="parts">Number of parts (0 is a no-op).</param>
    /// <param name="threads">Most threads to use; 0 or less = <see cref="MaxThreads"/>. Capped by parts.</param>
    /// <exception cref="AggregateException">A part threw; the first exception is wrapped, other parts still ran.</exception>
    public void Run(IComputeJob job, int parts, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegative(parts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var helpers = Math.Min(Math.Min(threads <= 0 ? _workers.Length : threads - 1, _workers.Length), parts - 1);
        if (helpers <= 0 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (var p = 0; p < parts; p++)
            {
                job.Execute(p, 0);
            }

            return;
        }

        try
        {
            _job = job;
            _parts = parts;
            _nextPart = 0;
            _failure = null;
            for (var w = 0; w < helpers; w++)
            {
                _workers[w].Offer();
            }

            Work(0);
            for (var w = 0; w < helpers; w++)
            {
                _workers[w].Retire();
            }

            var failure = _failure;
            _job = null;
            if (failure is not null)
            {
                throw new AggregateException("A compute job part failed.", failure);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Stops the worker threads (the shared pool is never disposed).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
    }

    /// <summary>Takes parts until none are left; called by the caller and by each offered worker.</summary>
    internal void Work(int worker)
    {
        var job = _job!;
        var parts = _parts;
        while (true)
        {
            var part = Interlocked.Increment(ref _nextPart) - 1;
            if (part >= parts)
            {
                return;
            }

            try
            {
                job.Execute(part, worker);
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref _failure, ex, null);
            }
        }
    }
}
