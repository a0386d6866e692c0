namespace MLPipelines.Cluster;

/// <summary>
/// The worker's cores as slots: a unit takes as many as its trainer's threads (all of them for a trainer whose
/// threads are automatic), so threads x concurrent units never exceed the cores advertised.
/// </summary>
internal sealed class WorkerSlots(int cores) : IDisposable
{
    private readonly SemaphoreSlim _free = new(cores, cores);
    private readonly SemaphoreSlim _taking = new(1, 1);

    public int Cores { get; } = cores;

    /// <summary>Waits for <paramref name="threads"/> cores (capped at <see cref="Cores"/>); dispose the result to give them back.</summary>
    public async Task<IDisposable> Take(int threads, CancellationToken cancellation)
    {
        var count = Math.Clamp(threads, 1, Cores);
        // One taker at a time: two units taking cores one by one could each hold some and wait forever for the rest.
        await _taking.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            for (var i = 0; i < count; i++)
            {
                await _free.WaitAsync(cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _taking.Release();
        }

        return new Taken(_free, count);
    }

    public void Dispose()
    {
        _free.Dispose();
        _taking.Dispose();
    }

    private sealed class Taken(SemaphoreSlim free, int count) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                free.Release(count);
            }
        }
    }
}
