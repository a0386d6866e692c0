using Microsoft.ML;
using MLPipelines.Core;
using MLPipelines.Trainers.Mlp;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>Defaults: dropout settles by task unless the user set it; numeric inputs get periodic embeddings.</summary>
public sealed class MlpDefaultsTests
{
    [Theory]
    [InlineData(TaskKind.Regression, 0.0)]
    [InlineData(TaskKind.Binary, 0.15)]
    [InlineData(TaskKind.Multiclass, 0.15)]
    public void MlpOptions_ResolvedFor_DropoutSettlesByTask(TaskKind task, double dropout)
    {
        var resolved = new MlpOptions().ResolvedFor(task);

        Assert.Equal(dropout, resolved.Dropout);
        Assert.Equal(MlpNumericEmbedding.Periodic, resolved.NumericEmbedding);
    }

    [Fact]
    public void MlpOptions_ResolvedFor_KeepsValuesTheUserSet()
    {
        var options = new MlpOptions { Dropout = 0.3, NumericEmbedding = MlpNumericEmbedding.None };

        var resolved = options.ResolvedFor(TaskKind.Regression);

        Assert.Equal(0.3, resolved.Dropout);
        Assert.Equal(MlpNumericEmbedding.None, resolved.NumericEmbedding);
    }

    [Fact]
    public void MlpTrainer_Fit_DefaultNetworksHavePeriodicEmbeddingsAndDropoutOnlyForClassification()
    {
        var ml = new MLContext(1);
        var options = MlpWorkoutTests.Small();
        options.Dropout = null;
        options.NumericEmbedding = new MlpOptions().NumericEmbedding;
        options.Epochs = 2;

        var regression = ml.Regression.Trainers.Mlp(options).Fit(TestTables.Regression(ml, rows: 200));
        var binary = ml.BinaryClassification.Trainers.Mlp(options).Fit(TestTables.Binary(ml, rows: 200));

        Assert.Contains("PeriodicEmbedding", regression.Model.Architecture, StringComparison.Ordinal);
        Assert.DoesNotContain("Dropout", regression.Model.Architecture, StringComparison.Ordinal);
        Assert.Equal(MlpNumericEmbedding.Periodic, regression.Model.Options.NumericEmbedding);
        Assert.Contains("PeriodicEmbedding", binary.Model.Architecture, StringComparison.Ordinal);
        Assert.Contains("Dropout", binary.Model.Architecture, StringComparison.Ordinal);
        Assert.Equal(0.15, binary.Model.Options.Dropout);
    }
}
