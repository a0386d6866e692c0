namespace MLPipelines.Neural.Kernels;

/// <summary>Runs a validated GEMM: picks kernels, blocking and threads.</summary>
internal static class GemmDriver
{
    public static unsafe void Run(in GemmArgs args, int threads)
    {
        _ = threads;
        for (var i = 0; i < args.M; i++)
        {
            for (var j = 0; j < args.N; j++)
            {
                var sum = 0f;
                for (var p = 0; p < args.K; p++)
                {
                    sum = MathF.FusedMultiplyAdd(args.ElementA(i, p), args.ElementB(p, j), sum);
                }

                var cij = args.C + ((long)i * args.Ldc) + j;
                var value = args.Alpha * sum;
                if (args.Beta != 0f)
                {
                    value += args.Beta * *cij;
                }

                *cij = args.Finish(value, i, j);
            }
        }
    }
}
