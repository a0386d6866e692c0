namespace MLPipelines.Neural.Kernels;

/// <summary>
/// A job split into numbered parts for <see cref="ComputePool.Run"/>.
/// </summary>
/// <remarks>
/// Determinism rule: parts run in any order, on any thread, possibly at the same time. Each part must write
/// outputs no other part touches and must not depend on which worker runs it, except to pick per-worker
/// scratch memory by <c>worker</c> index. Then the result is the same bits for any thread count.
/// </remarks>
public interface IComputeJob
{
    /// <summary>Runs one part.</summary>
    /// <param name="part">Part index, 0 to parts - 1; each index runs exactly once per <see cref="ComputePool.Run"/>.</param>
    /// <param name="worker">Index of the running thread within this run, 0 to threads - 1 (0 is the caller);
    /// no two parts run at the same time with the same worker index, so it can select scratch buffers.</param>
    void Execute(int part, int worker);
}
