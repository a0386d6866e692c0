using MLPipelines.Neural.Kernels;

namespace MLPipelines.Neural.Tests.Kernels;

/// <summary>Naive triple-loop GEMM in double precision, the yardstick for the packed kernels.</summary>
internal static class GemmReference
{
    /// <summary>Returns the expected C and, per element, a bound on the float rounding error of a correct GEMM.</summary>
    public static (float[] Expected, double[] Tolerance) Multiply(
        bool transA, bool transB, int m, int n, int k, float alpha, float[] a, int lda, float[] b, int ldb,
        float beta, float[] c, int ldc, float[]? bias = null, GemmBiasAxis axis = GemmBiasAxis.None,
        GemmActivation activation = GemmActivation.None, float slope = 0.01f)
    {
        var expected = (float[])c.Clone();
        var tolerance = new double[c.Length];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (var p = 0; p < k; p++)
                {
                    var av = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                    var bv = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    sum += (double)av * bv;
                    magnitude += Math.Abs((double)av * bv);
                }

                var idx = (i * ldc) + j;
                var value = (alpha * sum) + (beta == 0f ? 0 : beta * (double)c[idx]);
                value += axis switch
                {
                    GemmBiasAxis.PerColumn => bias![j],
                    GemmBiasAxis.PerRow => bias![i],
                    _ => 0,
                };
                value = activation switch
                {
                    GemmActivation.Relu => Math.Max(value, 0),
                    GemmActivation.LeakyRelu => value > 0 ? value : slope * value,
                    _ => value,
                };
                expected[idx] = (float)value;
                tolerance[idx] = (1e-6 * (k + 4) * ((Math.Abs(alpha) * magnitude) + Math.Abs(beta * (double)c[idx]) + 1)) + 1e-6;
            }
        }

        return (expected, tolerance);
    }

    public static float[] Random(int length, int seed)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (float)((rng.NextDouble() * 2) - 1);
        }

        return data;
    }
}
