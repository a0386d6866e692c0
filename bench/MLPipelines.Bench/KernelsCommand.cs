namespace MLPipelines.Bench;

internal static class KernelsCommand
{
    public static int Run(string[] args) => throw new NotImplementedException("BenchmarkDotNet suite: owned by the kernels work");
}
