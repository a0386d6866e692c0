using System.Diagnostics;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// One background thread of a <see cref="ComputePool"/>. The pool offers it a run; the worker either
/// accepts (Offered -> Running -> Idle) or the pool withdraws the offer if the caller finished all parts
/// before the worker woke up, so the caller never waits for a sleeping thread that has nothing to do.
/// </summary>
internal sealed class ComputeWorker : IDisposable
{
    private const int Idle = 0;
    private const int Offered = 1;
    private const int Running = 2;
    private const int Stopping = 3;

    private readonly ComputePool _pool;
    private readonly int _index;
    private readonly SemaphoreSlim _wake = new(0);
    private int _state;
    private int _sleeping;

    public ComputeWorker(ComputePool pool, int index)
    {
        _pool = pool;
        _index = index;
        var thread = new Thread(Loop)
        {
            IsBackground = true,
            Name = $"MLPipelines compute {index}",
        };
        thread.Start();
    }

    /// <summary>Pool side: offer the current run (fields of the pool are already written).</summary>
    public void Offer()
    {
        Volatile.Write(ref _state, Offered);
        Interlocked.MemoryBarrier();
        if (Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _wake.Release();
        }
    }

    /// <summary>Pool side: after the caller ran out of parts, withdraw the offer or wait for the worker to finish.</summary>
    public void Retire()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Offered) == Offered)
        {
            return;
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref _state) != Idle)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Asks the thread to exit; it disposes its own wake-up semaphore on the way out.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _state, Stopping);
        Interlocked.MemoryBarrier();
        if (Interlocked.Exchange(ref _sleeping, 0) == 1)
        {
            _wake.Release();
        }
    }

    private void Loop()
    {
        while (true)
        {
            var state = WaitForOffer();
            if (state == Stopping)
            {
                _wake.Dispose();
                return;
            }

            if (Interlocked.CompareExchange(ref _state, Running, Offered) == Offered)
            {
                _pool.Work(_index);
                Interlocked.CompareExchange(ref _state, Idle, Running);
            }
        }
    }

    /// <summary>Spins, then yields, then sleeps until the state is Offered or Stopping.</summary>
    private int WaitForOffer()
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            for (var i = 0; i < 64; i++)
            {
                var state = Volatile.Read(ref _state);
                if (state is Offered or Stopping)
                {
                    return state;
                }

                Thread.SpinWait(8);
            }

            var elapsed = Stopwatch.GetTimestamp() - start;
            if (elapsed < ComputePool.SpinTicks)
            {
                continue;
            }

            if (elapsed < ComputePool.SpinTicks + ComputePool.YieldTicks)
            {
                Thread.Yield();
                continue;
            }

            Sleep();
            start = Stopwatch.GetTimestamp();
        }
    }

    private void Sleep()
    {
        Interlocked.Exchange(ref _sleeping, 1);
        var state = Volatile.Read(ref _state);
        if (state is Offered or Stopping)
        {
            // The pool may have seen our flag already and committed to a Release; consume it if so.
            if (Interlocked.Exchange(ref _sleeping, 0) == 0)
            {
                _wake.Wait();
            }

            return;
        }

        _wake.Wait();
    }
}
