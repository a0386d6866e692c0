using MLPipelines.Trainers.Mlp;

namespace MLPipelines.Trainers.Tests.Mlp;

public sealed class MlpMemoryCheckTests
{
    private const long EightGb = 8L << 30;

    [Fact]
    public void MlpMemoryCheck_Errors_TwoLayersOf65536NeedMoreThanEightGb()
    {
        var errors = MlpMemoryCheck.Errors([65536, 65536], EightGb).ToList();

        var (option, message) = Assert.Single(errors);
        Assert.Equal("hidden_layers", option);
        Assert.Contains("[65536, 65536] has 4,294,967,296 weights between its hidden layers, which need at least 32 GB", message, StringComparison.Ordinal);
        Assert.Contains("this process may use 8 GB", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 256, 256, 256 })]
    [InlineData(new[] { 65536 })]
    [InlineData(new[] { 16384, 16384 })]
    public void MlpMemoryCheck_Errors_LayersThatFitAreAccepted(int[] layers)
    {
        Assert.Empty(MlpMemoryCheck.Errors(layers, EightGb));
    }

    [Fact]
    public void MlpMemoryCheck_Errors_UnknownMemoryRefusesNothing()
    {
        Assert.Empty(MlpMemoryCheck.Errors([65536, 65536], availableBytes: 0));
    }
}
