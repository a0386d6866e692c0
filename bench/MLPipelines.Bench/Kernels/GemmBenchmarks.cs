using BenchmarkDotNet.Attributes;
using MLPipelines.Neural.Kernels;

namespace MLPipelines.Bench.Kernels;

/// <summary>
/// GEMM at the MLP benchmark's shapes (batch 256, 256 wide, 26 classes) and a square 512, with 1 and 2 threads.
/// Shape is "m x n x k" plus the transposes the Dense layer uses: forward A*B, input gradient A*B^T,
/// weight gradient A^T*B.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];
    private (int M, int N, int K, bool TransA, bool TransB) _shape;

    [Params("256x256x256 NN", "256x256x256 NT", "256x256x256 TN", "256x26x256 NN", "512x512x512 NN")]
    public string Shape { get; set; } = "256x256x256 NN";

    [Params(1, 2)]
    public int Threads { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        // Parsed once here so the measured method allocates nothing of its own.
        var parts = Shape.Split(' ');
        var dims = parts[0].Split('x').Select(int.Parse).ToArray();
        _shape = (dims[0], dims[1], dims[2], parts[1][0] == 'T', parts[1][1] == 'T');
        var (m, n, k, _, _) = _shape;
        var rng = new Random(1);
        _a = Enumerable.Range(0, m * k).Select(_ => (float)rng.NextDouble()).ToArray();
        _b = Enumerable.Range(0, k * n).Select(_ => (float)rng.NextDouble()).ToArray();
        _c = new float[m * n];
    }

    [Benchmark]
    public void Multiply()
    {
        var (m, n, k, ta, tb) = _shape;
        Gemm.Multiply(ta, tb, m, n, k, 1f, _a, ta ? m : k, _b, tb ? k : n, 0f, _c, n, Threads);
    }
}
