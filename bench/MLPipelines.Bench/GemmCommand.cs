namespace MLPipelines.Bench;

internal static class GemmCommand
{
    public static int Run(string[] args) => throw new NotImplementedException("gemm bench: owned by the kernels work");
}
