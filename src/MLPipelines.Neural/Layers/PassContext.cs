namespace MLPipelines.Neural.Layers;

/// <summary>Per-pass settings handed to every layer's forward and backward.</summary>
public sealed class PassContext
{
    /// <summary>True during training (dropout active, batch norm uses batch statistics and updates running ones).</summary>
    public bool Training { get; set; }

    /// <summary>Threads for kernels that parallelize (GEMM); results do not depend on it.</summary>
    public int Threads { get; set; } = 1;
}
