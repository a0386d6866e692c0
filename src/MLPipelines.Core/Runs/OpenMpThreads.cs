using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Runs calls into OpenMP libraries (LightGBM's and XGBoost's training) on a few long-lived threads of the process,
/// always on the lowest-numbered idle one, so that sequential fits from any thread use the same OpenMP team.
/// <para>
/// libgomp keeps one team of worker threads per calling thread and never frees it while that thread lives. Fits
/// started from changing thread-pool threads (tuning trials, cluster units) therefore leave a team behind per thread;
/// once the process holds more OpenMP threads than cores, libgomp cuts its spin before sleeping to 1,000 iterations,
/// and every barrier of the next fit pays a futex wake-up (the cost <see cref="NativeThreading"/> describes), while
/// under <c>OMP_WAIT_POLICY=ACTIVE</c> the idle teams spin and take the cores. A worker fitting LightGBM units from
/// the thread pool took 1.5-1.7 s per unit against 0.3 s in one process.
/// </para>
/// Concurrent callers get distinct threads, so parallel trials stay parallel; a call made from one of these threads
/// runs inline. Exceptions reach the caller with their original type and stack.
/// </summary>
public sealed class OpenMpThreads
{
    /// <summary>Stack of each thread: the size a process's main thread gets on Linux, where fits ran before.</summary>
    private const int StackBytes = 8 * 1024 * 1024;

    private readonly List<Lane> _lanes = [];

    [ThreadStatic]
    private static Lane? _current;

    /// <summary>The threads every LightGBM and XGBoost fit of the process runs on.</summary>
    public static OpenMpThreads Process { get; } = new();

    /// <summary>Threads made so far (for tests and diagnostics).</summary>
    public int ThreadCount
    {
        get
        {
            lock (_lanes)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on the lowest idle thread and waits for it.</summary>
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_current?.Owner == this)
        {
            return work();
        }

        var lane = Take();
        try
        {
            return lane.Run(work);
        }
        finally
        {
            lock (_lanes)
            {
                lane.Busy = false;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on the lowest idle thread and waits for it.</summary>
    public void Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(() =>
        {
            work();
            return 0;
        });
    }

    private Lane Take()
    {
        lock (_lanes)
        {
            var lane = _lanes.Find(l => !l.Busy);
            if (lane is null)
            {
                lane = new Lane(this, _lanes.Count);
                _lanes.Add(lane);
            }

            lane.Busy = true;
            return lane;
        }
    }

    /// <summary>One long-lived background thread that runs one call at a time.</summary>
    [SuppressMessage("Design", "CA1001", Justification = "A lane lives as long as the process; its semaphores are never released early.")]
    private sealed class Lane
    {
        private readonly SemaphoreSlim _posted = new(0);
        private readonly SemaphoreSlim _done = new(0);
        private Action? _work;

        public Lane(OpenMpThreads owner, int index)
        {
            Owner = owner;
            var thread = new Thread(Loop, StackBytes) { IsBackground = true, Name = $"OpenMP caller {index}" };
            thread.Start();
        }

        public OpenMpThreads Owner { get; }

        /// <summary>Set and cleared under the lanes' lock.</summary>
        public bool Busy { get; set; }

        public T Run<T>(Func<T> work)
        {
            T result = default!;
            ExceptionDispatchInfo? failure = null;
            _work = () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            };
            _posted.Release();
            _done.Wait();
            failure?.Throw();
            return result;
        }

        private void Loop()
        {
            _current = this;
            while (true)
            {
                _posted.Wait();
                var work = _work!;
                _work = null;
                work();
                _done.Release();
            }
        }
    }
}
