namespace MLPipelines.Neural.Kernels;

/// <summary>
/// An <see cref="IComputeJob"/> that calls a method <c>body(part, worker)</c>. Layers create one per parallel
/// loop at construction (a method-group delegate over their own fields), so running it allocates nothing.
/// The body must follow the determinism rule of <see cref="IComputeJob"/>.
/// </summary>
internal sealed class DelegateJob(Action<int, int> body) : IComputeJob
{
    public void Execute(int part, int worker) => body(part, worker);

    /// <summary>Runs parts [0, <paramref name="parts"/>) on the shared pool with up to <paramref name="threads"/> threads.</summary>
    public void Run(int parts, int threads) => ComputePool.Shared.Run(this, parts, threads);
}
