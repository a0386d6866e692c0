namespace MLPipelines.Bench;

internal static class MlpTrainCommand
{
    public static int Run(string[] args) => throw new NotImplementedException("mlp-train bench: owned by the layers work");
}
