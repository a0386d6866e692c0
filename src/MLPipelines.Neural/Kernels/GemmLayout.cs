namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Tile and block sizes shared by the packing routines and every micro-kernel.
/// </summary>
/// <remarks>
/// Packed A: per MR-row panel, kc groups of MR values (<c>panel[p * MR + r] = op(A)[i0 + r, p0 + p]</c>).
/// Packed B: per NR-column panel, kc groups of NR values (<c>panel[p * NR + j] = op(B)[p0 + p, j0 + j]</c>).
/// Rows and columns past the matrix edge are packed as zeros, so kernels always compute whole tiles.
/// </remarks>
internal static class GemmLayout
{
    /// <summary>Rows of a C tile (broadcast operand): 8 rows x 2 vectors = 16 zmm accumulators.</summary>
    public const int MR = 8;

    /// <summary>Columns of a C tile: two Vector512 of floats.</summary>
    public const int NR = 32;

    /// <summary>k-block depth; fixed so the summation order never depends on threads.</summary>
    public const int KC = Gemm.KBlock;

    /// <summary>Rows of A packed per block (A block = MC x KC floats, 1 MiB).</summary>
    public const int MC = 1024;

    /// <summary>Columns of B packed per block (B block = KC x NC floats, 2 MiB).</summary>
    public const int NC = 2048;

    /// <summary>Rounds up to a whole number of tiles.</summary>
    public static int RoundUp(int value, int tile) => (value + tile - 1) / tile * tile;
}
