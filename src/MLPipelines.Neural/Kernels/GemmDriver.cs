using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Runs a validated GEMM: k-blocks of <see cref="GemmLayout.KC"/>, packed A and B blocks, tiles of C
/// computed by the best micro-kernel for the machine, spread over <see cref="ComputePool.Shared"/>.
/// </summary>
/// <remarks>
/// Loop nest: for each column block of C (NC), for each k-block (KC): pack the B block; for each row block (MC):
/// pack the A block, then compute every tile of the block. Packing and computing are each split into parts
/// over panels / chunks of C, never over k, so the thread count cannot change any sum.
/// </remarks>
internal static unsafe class GemmDriver
{
    /// <summary>Below this many flops (2 m n k) a GEMM runs on the caller only: dispatch would cost more than it saves.</summary>
    internal static double ParallelMinFlops { get; set; } = 4e6;

    /// <summary>Preferred C chunk of one compute part: rows (whole MR tiles) and columns (whole NR tiles).</summary>
    internal static int RowChunk { get; set; } = 128;

    internal static int ColChunk { get; set; } = 256;

    /// <summary>
    /// Read transposed A in place (no packing) when the block has at most this many columns of C (A is then used
    /// once or twice, so packing would cost more than it saves) ...
    /// </summary>
    internal static int DirectAMaxColumns { get; set; } = 2 * GemmLayout.NR;

    /// <summary>
    /// ... or when lda is at most this: a k-block of A then spans few enough pages that the strided reads stay
    /// within the TLB (measured: in place is faster at lda 256 and 512, much slower at 1024).
    /// </summary>
    internal static int DirectAMaxLeading { get; set; } = 512;

    /// <summary>
    /// Read row-major (non-transposed) A in place, with <see cref="GemmKernel512RowsA"/>, when the block has at most
    /// this many columns of C. Measured faster or equal at every size tried (256: +7%, 256 x 26 x 256: +15%,
    /// 1024: +30% in CPU-time GFLOP/s), so the default is always.
    /// </summary>
    internal static int DirectRowsAMaxColumns { get; set; } = int.MaxValue;

    /// <summary>Read non-transposed B in place when the block has at most this many rows of C ...</summary>
    internal static int DirectBMaxRows { get; set; } = 2 * GemmLayout.MR;

    /// <summary>... or when ldb is at most this (measured: faster at 256, slower at 512).</summary>
    internal static int DirectBMaxLeading { get; set; } = 256;

    /// <summary>The micro-kernel family in use; tests switch it to check the fallbacks give the same bits.</summary>
    internal static GemmIsa Isa { get; set; } = DetectIsa();

    public static void Run(in GemmArgs args, int threads)
    {
        if (args.K == 0)
        {
            ScaleOnly(in args);
            return;
        }

        var pool = ComputePool.Shared;
        threads = Math.Min(threads <= 0 ? Environment.ProcessorCount : threads, pool.MaxThreads);
        if (2.0 * args.M * args.N * args.K < ParallelMinFlops)
        {
            threads = 1;
        }

        var context = GemmContext.Current;
        var packedA = context.PackedA.Ensure(GemmLayout.RoundUp(Math.Min(args.M, GemmLayout.MC), GemmLayout.MR) * GemmLayout.KC);
        var packedB = context.PackedB.Ensure(GemmLayout.RoundUp(Math.Min(args.N, GemmLayout.NC), GemmLayout.NR) * GemmLayout.KC);
        var columnBias = args.BiasAxis == GemmBiasAxis.PerColumn ? Pad(context.ColumnBias, args.Bias, args.N, GemmLayout.NR) : null;
        var rowBias = args.BiasAxis == GemmBiasAxis.PerRow ? Pad(context.RowBias, args.Bias, args.M, GemmLayout.MR) : null;
        var job = context.Job;
        job.Begin(in args, Kernel(Isa), packedA, packedB, columnBias, rowBias, avx512: Isa == GemmIsa.Avx512);
        try
        {
            for (var jc = 0; jc < args.N; jc += GemmLayout.NC)
            {
                var nc = Math.Min(GemmLayout.NC, args.N - jc);
                for (var pc = 0; pc < args.K; pc += GemmLayout.KC)
                {
                    var kc = Math.Min(GemmLayout.KC, args.K - pc);
                    // Decided once per B block: row blocks after the first reuse the B panels packed for it.
                    var directB = Math.Min(GemmLayout.MC, args.M) <= DirectBMaxRows || args.Ldb <= DirectBMaxLeading;
                    for (var ic = 0; ic < args.M; ic += GemmLayout.MC)
                    {
                        var mc = Math.Min(GemmLayout.MC, args.M - ic);
                        job.SetBlock(
                            jc, nc, pc, kc, ic, mc,
                            directA: args.TransA
                                ? nc <= DirectAMaxColumns || args.Lda <= DirectAMaxLeading
                                : nc <= DirectRowsAMaxColumns,
                            directB);
                        pool.Run(job, job.BeginPacking(packB: ic == 0), threads);
                        var (rowChunk, colChunk) = Chunks(mc, nc, threads);
                        pool.Run(job, job.BeginCompute(rowChunk, colChunk), threads);
                    }
                }
            }
        }
        finally
        {
            job.End();
        }
    }

    /// <summary>
    /// C chunk per compute part: the preferred size, shrunk (rows first, then columns) until there are at least
    /// two parts per thread, so a thread slowed by other load does not hold up the rest.
    /// </summary>
    internal static (int Rows, int Cols) Chunks(int mc, int nc, int threads)
    {
        var rows = Math.Min(GemmLayout.RoundUp(mc, GemmLayout.MR), RowChunk);
        var cols = Math.Min(GemmLayout.RoundUp(nc, GemmLayout.NR), ColChunk);
        if (threads <= 1)
        {
            return (rows, cols);
        }

        while (Parts(mc, rows) * Parts(nc, cols) < 2 * threads)
        {
            if (rows >= 4 * GemmLayout.MR)
            {
                rows = GemmLayout.RoundUp(rows / 2, GemmLayout.MR);
            }
            else if (cols >= 2 * GemmLayout.NR)
            {
                cols = GemmLayout.RoundUp(cols / 2, GemmLayout.NR);
            }
            else if (rows > GemmLayout.MR)
            {
                rows = GemmLayout.RoundUp(rows / 2, GemmLayout.MR);
            }
            else
            {
                break;
            }
        }

        return (rows, cols);

        static int Parts(int size, int chunk) => (size + chunk - 1) / chunk;
    }

    private static delegate*<float*, nint, float*, nint, int, float*, int, int, int, in GemmTileStore, float*, float*, void> Kernel(GemmIsa isa) => isa switch
    {
        GemmIsa.Avx512 => &GemmKernel512.Tile,
        GemmIsa.Avx2 => &GemmKernel256.Tile,
        _ => &GemmKernelScalar.Tile,
    };

    private static GemmIsa DetectIsa()
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
        {
            return GemmIsa.Avx512;
        }

        return Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmIsa.Avx2 : GemmIsa.Scalar;
    }

    /// <summary>Copies a bias into a zero-padded buffer of whole tiles, so kernels can load full vectors.</summary>
    private static float* Pad(PinnedBuffer buffer, float* bias, int length, int tile)
    {
        var padded = GemmLayout.RoundUp(length, tile);
        var dst = buffer.Ensure(padded);
        new ReadOnlySpan<float>(bias, length).CopyTo(new Span<float>(dst, length));
        new Span<float>(dst + length, padded - length).Clear();
        return dst;
    }

    /// <summary>k = 0: the product is empty, so <c>C = f(beta * C + bias)</c>.</summary>
    private static void ScaleOnly(in GemmArgs args)
    {
        var store = new GemmTileStore(1f, args.Beta, args.Beta != 0f, true, args.BiasAxis == GemmBiasAxis.PerColumn ? args.Bias : null, args.BiasAxis == GemmBiasAxis.PerRow ? args.Bias : null, args.Activation, args.LeakySlope);
        for (var i = 0; i < args.M; i++)
        {
            var row = args.C + ((long)i * args.Ldc);
            var rb = store.RowBias == null ? 0f : store.RowBias[i];
            for (var j = 0; j < args.N; j++)
            {
                var cb = store.ColumnBias == null ? 0f : store.ColumnBias[j];
                row[j] = store.Apply(0f, store.ReadC ? row[j] : 0f, cb, rb);
            }
        }
    }
}
