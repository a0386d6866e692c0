using Microsoft.ML;
using MLPipelines.Trainers.Mlp;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>Categorical embeddings, periodic embeddings, determinism, learning curves and feature importance.</summary>
public sealed class MlpBehaviourTests
{
    [Fact]
    public void MlpTrainer_Fit_EmbedsAOneHotBlockWiderThanTheThresholdAndKeepsSmallerOnesOneHot()
    {
        var ml = new MLContext(1);
        var data = TestTables.WithCity(ml);
        var embedded = MlpWorkoutTests.Small();
        embedded.CategoricalEmbeddingThreshold = 16;
        var oneHot = MlpWorkoutTests.Small();
        oneHot.CategoricalEmbeddingThreshold = 64;

        var withEmbedding = ml.BinaryClassification.Trainers.Mlp(embedded).Fit(data);
        var withOneHot = ml.BinaryClassification.Trainers.Mlp(oneHot).Fit(data);

        var block = Assert.Single(withEmbedding.Model.Encoding.EmbeddedBlocks);
        Assert.Equal(new Trainers.Mlp.Encoding.CategoricalBlock(4, 24), block);
        Assert.Equal(4, withEmbedding.Model.Encoding.NumericSlots.Count);
        Assert.Contains("Embedding", withEmbedding.Model.Architecture, StringComparison.Ordinal);
        Assert.Empty(withOneHot.Model.Encoding.EmbeddedBlocks);
        Assert.Equal(24, withOneHot.Model.Encoding.OneHotSlots.Count);
        Assert.True(ml.BinaryClassification.Evaluate(withEmbedding.Transform(data)).Accuracy > 0.85);
        var reloaded = MlpWorkoutTests.SaveAndReload(withEmbedding, data.Schema);
        Assert.Equal(MlpWorkoutTests.Column<float>(withEmbedding.Transform(data), "Score"), MlpWorkoutTests.Column<float>(reloaded.Transform(data), "Score"));
    }

    [Fact]
    public void MlpTrainer_Fit_PeriodicNumericEmbeddingsTrainAndReload()
    {
        var ml = new MLContext(1);
        var (train, test) = MlpWorkoutTests.Split(ml, TestTables.Regression(ml));
        var options = MlpWorkoutTests.Small();
        options.NumericEmbedding = MlpNumericEmbedding.Periodic;
        options.PeriodicSigma = 0.5;
        options.Dropout = 0;
        options.Epochs = 60;

        var model = ml.Regression.Trainers.Mlp(options).Fit(train);

        Assert.Contains("PeriodicEmbedding", model.Model.Architecture, StringComparison.Ordinal);
        Assert.True(ml.Regression.Evaluate(model.Transform(test)).RSquared > 0.9);
        var reloaded = MlpWorkoutTests.SaveAndReload(model, train.Schema);
        Assert.Equal(MlpWorkoutTests.Column<float>(model.Transform(test), "Score"), MlpWorkoutTests.Column<float>(reloaded.Transform(test), "Score"));
    }

    [Fact]
    public void MlpTrainer_Fit_SameSeedSamePredictionsForOneAndTwoThreads()
    {
        var ml = new MLContext(1);
        var data = TestTables.Multiclass(ml, rows: 300);
        var one = MlpWorkoutTests.Small();
        one.Epochs = 5;
        var two = one.Clone();
        two.Threads = 2;

        var a = ml.MulticlassClassification.Trainers.Mlp(one).Fit(data).Transform(data);
        var b = ml.MulticlassClassification.Trainers.Mlp(two).Fit(data).Transform(data);

        Assert.Equal(MlpWorkoutTests.Vectors(a, "Score"), MlpWorkoutTests.Vectors(b, "Score"));
    }

    [Fact]
    public void MlpModel_History_HoldsTheLearningCurveAndTheKeptEpoch()
    {
        var ml = new MLContext(1);
        var options = MlpWorkoutTests.Small();
        options.Epochs = 12;

        var model = ml.MulticlassClassification.Trainers.Mlp(options).Fit(TestTables.Multiclass(ml, rows: 400));

        var history = model.Model.History;
        Assert.Equal(12, history.Epochs.Count);
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss);
        Assert.Equal(history.Epochs.MinBy(e => e.ValidationLoss)!.Epoch, history.BestEpoch);
    }

    [Fact]
    public void MlpModel_PermutationFeatureImportance_RanksTheIgnoredFeatureLast()
    {
        var ml = new MLContext(1);
        var data = TestTables.Binary(ml, rows: 400); // the label ignores x3
        var model = ml.BinaryClassification.Trainers.Mlp(MlpWorkoutTests.Small()).Fit(data);

        var importance = ml.BinaryClassification.PermutationFeatureImportance(model, data, permutationCount: 1);

        var drops = importance.Select(m => m.AreaUnderRocCurve.Mean).ToArray();
        Assert.Equal(4, drops.Length);
        Assert.True(drops[0] < drops[3] && drops[1] < drops[3], string.Join(", ", drops));
    }

    [Fact]
    public void MlpModel_SaveOnnx_WritesTheStandaloneNetwork()
    {
        var ml = new MLContext(1);
        var model = ml.Regression.Trainers.Mlp(MlpWorkoutTests.Small()).Fit(TestTables.Regression(ml, rows: 100));
        var path = Path.Combine(TestFiles.NewFolder(), "mlp.onnx");

        model.SaveOnnx(path);

        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(path);
        Assert.Equal("Features", Assert.Single(session.InputMetadata).Key);
        Assert.Equal([-1, TestTables.Width], session.InputMetadata["Features"].Dimensions);
        Assert.Equal([-1, 1], session.OutputMetadata["MlpValue"].Dimensions);
    }
}
