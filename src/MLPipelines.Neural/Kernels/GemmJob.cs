namespace MLPipelines.Neural.Kernels;

/// <summary>
/// The two parallel phases of one GEMM block, run by <see cref="ComputePool"/>: packing panels of A and B,
/// then computing tiles of C from them. Parts of both phases write disjoint memory, so any thread count
/// gives the same bits (see <see cref="IComputeJob"/>).
/// </summary>
internal sealed unsafe class GemmJob : IComputeJob
{
    /// <summary>Panels packed per part in the packing phase.</summary>
    private const int PanelsPerPackPart = 4;

    private GemmArgs _args;
    private delegate*<float*, nint, float*, nint, int, float*, int, int, int, in GemmTileStore, float*, float*, void> _kernel;
    private float* _packedA;
    private float* _packedB;
    private float* _columnBias;
    private float* _rowBias;
    private GemmTileStore _store;
    private bool _packing;
    private bool _packB;
    private bool _directA;
    private bool _directB;
    private bool _avx512;
    private int _jc, _nc, _pc, _kc, _ic, _mc;
    private int _rowChunk, _colChunk, _rowChunks;

    public void Begin(
        in GemmArgs args,
        delegate*<float*, nint, float*, nint, int, float*, int, int, int, in GemmTileStore, float*, float*, void> kernel,
        float* packedA, float* packedB, float* columnBias, float* rowBias, bool avx512)
    {
        _avx512 = avx512;
        _args = args;
        _kernel = kernel;
        _packedA = packedA;
        _packedB = packedB;
        _columnBias = columnBias;
        _rowBias = rowBias;
    }

    public void End() => _args = default;

    /// <summary>
    /// Sets the block: C rows [ic, ic + mc) x columns [jc, jc + nc), k range [pc, pc + kc).
    /// <paramref name="directA"/> / <paramref name="directB"/>: whole panels are read in place instead of packed
    /// (B only when not transposed, so one k step's 32 values are side by side; A either way, row-major A through
    /// <see cref="GemmKernel512RowsA"/>); edge panels are always packed, so kernels never read past the matrix.
    /// </summary>
    public void SetBlock(int jc, int nc, int pc, int kc, int ic, int mc, bool directA, bool directB)
    {
        (_jc, _nc, _pc, _kc, _ic, _mc) = (jc, nc, pc, kc, ic, mc);
        // Row-major A in place needs the row-reading kernel, which exists for AVX-512 only.
        _directA = directA && (_args.TransA || _avx512);
        _directB = directB && !_args.TransB;
        var first = pc == 0;
        _store = new GemmTileStore(
            _args.Alpha,
            first ? _args.Beta : 1f,
            !first || _args.Beta != 0f,
            pc + kc == _args.K,
            _columnBias,
            _rowBias,
            _args.Activation,
            _args.LeakySlope);
    }

    /// <summary>Switches to the packing phase; returns its part count.</summary>
    public int BeginPacking(bool packB)
    {
        _packing = true;
        _packB = packB;
        return BPackParts + APackParts;
    }

    /// <summary>Switches to the compute phase with chunks of rowChunk x colChunk (whole tiles); returns its part count.</summary>
    public int BeginCompute(int rowChunk, int colChunk)
    {
        _packing = false;
        _rowChunk = rowChunk;
        _colChunk = colChunk;
        _rowChunks = (_mc + rowChunk - 1) / rowChunk;
        return _rowChunks * ((_nc + colChunk - 1) / colChunk);
    }

    // Panels read in place are never packed: with direct A (B), only the edge panel past the last whole one is.
    private int FirstAPanelToPack => _directA ? _mc / GemmLayout.MR : 0;

    private int FirstBPanelToPack => _directB ? _nc / GemmLayout.NR : 0;

    private int BPackParts => _packB ? (BPanels - FirstBPanelToPack + PanelsPerPackPart - 1) / PanelsPerPackPart : 0;

    private int APackParts => (APanels - FirstAPanelToPack + PanelsPerPackPart - 1) / PanelsPerPackPart;

    private int APanels => (_mc + GemmLayout.MR - 1) / GemmLayout.MR;

    private int BPanels => (_nc + GemmLayout.NR - 1) / GemmLayout.NR;

    public void Execute(int part, int worker)
    {
        if (_packing)
        {
            Pack(part);
        }
        else
        {
            Compute(part);
        }
    }

    private void Pack(int part)
    {
        var bParts = BPackParts;
        if (part < bParts)
        {
            var first = FirstBPanelToPack + (part * PanelsPerPackPart);
            var end = Math.Min(BPanels, first + PanelsPerPackPart);
            for (var panel = first; panel < end; panel++)
            {
                var j = panel * GemmLayout.NR;
                GemmPacking.PackB(in _args, _pc, _kc, _jc + j, Math.Min(GemmLayout.NR, _nc - j), _packedB + ((long)panel * _kc * GemmLayout.NR));
            }

            return;
        }

        var firstA = FirstAPanelToPack + ((part - bParts) * PanelsPerPackPart);
        var last = Math.Min(APanels, firstA + PanelsPerPackPart);
        for (var panel = firstA; panel < last; panel++)
        {
            var i = panel * GemmLayout.MR;
            GemmPacking.PackA(in _args, _ic + i, Math.Min(GemmLayout.MR, _mc - i), _pc, _kc, _packedA + ((long)panel * _kc * GemmLayout.MR));
        }
    }

    private void Compute(int part)
    {
        const int mr = GemmLayout.MR;
        const int nr = GemmLayout.NR;
        var rowBegin = part % _rowChunks * _rowChunk;
        var colBegin = part / _rowChunks * _colChunk;
        var rowEnd = Math.Min(_mc, rowBegin + _rowChunk);
        var colEnd = Math.Min(_nc, colBegin + _colChunk);
        var ldc = _args.Ldc;
        var kernel = _kernel;
        var temp = stackalloc float[mr * nr];
        for (var jr = colBegin; jr < colEnd; jr += nr)
        {
            var cols = Math.Min(nr, _nc - jr);
            var bInPlace = _directB && cols == nr;
            var bp = bInPlace ? _args.B + ((long)_pc * _args.Ldb) + _jc + jr : _packedB + ((long)(jr / nr) * _kc * nr);
            var bStride = bInPlace ? _args.Ldb : nr;
            var columnBias = _columnBias == null ? null : _columnBias + _jc + jr;
            for (var ir = rowBegin; ir < rowEnd; ir += mr)
            {
                var rows = Math.Min(mr, _mc - ir);
                var aInPlace = _directA && rows == mr;
                var rowsA = aInPlace && !_args.TransA;
                var ap = !aInPlace ? _packedA + ((long)(ir / mr) * _kc * mr)
                    : rowsA ? _args.A + ((long)(_ic + ir) * _args.Lda) + _pc
                    : _args.A + ((long)_pc * _args.Lda) + _ic + ir;
                var aStride = !aInPlace ? mr : _args.Lda;
                var rowBias = _rowBias == null ? null : _rowBias + _ic + ir;
                var c = _args.C + ((long)(_ic + ir) * ldc) + _jc + jr;
                if ((rows == mr && cols == nr) || _avx512)
                {
                    // Whole tile, or AVX-512, whose kernels mask the edge lanes of C themselves.
                    if (rowsA)
                    {
                        GemmKernel512RowsA.Tile(ap, aStride, bp, bStride, _kc, c, ldc, cols, in _store, columnBias, rowBias);
                    }
                    else
                    {
                        kernel(ap, aStride, bp, bStride, _kc, c, ldc, rows, cols, in _store, columnBias, rowBias);
                    }

                    continue;
                }

                // Edge tile on the other kernels: compute a scratch tile, then copy back only the part inside C.
                if (_store.ReadC)
                {
                    CopyTile(c, ldc, temp, nr, rows, cols);
                }

                kernel(ap, aStride, bp, bStride, _kc, temp, nr, mr, nr, in _store, columnBias, rowBias);
                CopyTile(temp, nr, c, ldc, rows, cols);
            }
        }
    }

    private static void CopyTile(float* src, int lds, float* dst, int ldd, int rows, int cols)
    {
        for (var r = 0; r < rows; r++)
        {
            new ReadOnlySpan<float>(src + ((long)r * lds), cols).CopyTo(new Span<float>(dst + ((long)r * ldd), cols));
        }
    }
}
