namespace MLPipelines.Neural.Kernels;

/// <summary>
/// One grow-only float buffer per <see cref="ComputePool"/> worker index, for scratch that a parallel part needs
/// only while it runs (an im2col matrix, a gradient tile). A worker index is used by one part at a time, so a
/// part may take its worker's buffer without locking; buffers are kept between calls (no per-step allocation).
/// </summary>
internal sealed class WorkerScratch
{
    private readonly float[][] _buffers = new float[ComputePool.Shared.MaxThreads][];

    /// <summary>The buffer of <paramref name="worker"/>, at least <paramref name="length"/> floats (contents undefined).</summary>
    public Span<float> Get(int worker, int length)
    {
        var buffer = _buffers[worker];
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<float>(length);
            _buffers[worker] = buffer;
        }

        return buffer.AsSpan(0, length);
    }
}
