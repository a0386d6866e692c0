using BenchmarkDotNet.Attributes;
using MLPipelines.Neural.Kernels;

namespace MLPipelines.Bench.Kernels;

/// <summary>Bias-gradient reduction (column sums of a batch 256 x 256 gradient) and a fused-epilogue Dense forward.</summary>
[MemoryDiagnoser]
public class ReductionBenchmarks
{
    private readonly float[] _x = Enumerable.Range(0, 256 * 256).Select(i => (i % 17) * 0.1f).ToArray();
    private readonly float[] _w = Enumerable.Range(0, 256 * 256).Select(i => (i % 13) * 0.01f).ToArray();
    private readonly float[] _bias = new float[256];
    private readonly float[] _y = new float[256 * 256];

    [Benchmark]
    public void SumColumns() => MatrixReductions.SumColumns(_x, 256, 256, 256, _bias);

    [Benchmark]
    public void DenseForwardBiasRelu() =>
        Gemm.Multiply(false, false, 256, 256, 256, 1f, _x, 256, _w, 256, 0f, _y, 256, GemmEpilogue.ColumnBias(_bias, GemmActivation.Relu), threads: 1);
}
