namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Per-calling-thread GEMM state: packing buffers, padded bias copies and the job object, kept between
/// calls so a steady stream of GEMMs allocates nothing. Pool workers use the caller's context.
/// </summary>
internal sealed class GemmContext
{
    [ThreadStatic]
    private static GemmContext? _current;

    public static GemmContext Current => _current ??= new GemmContext();

    public PinnedBuffer PackedA { get; } = new();

    public PinnedBuffer PackedB { get; } = new();

    public PinnedBuffer ColumnBias { get; } = new();

    public PinnedBuffer RowBias { get; } = new();

    public GemmJob Job { get; } = new();
}
