using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Trainers.Cnn;
using MLPipelines.Trainers.Tests.Mlp;

namespace MLPipelines.Trainers.Tests.Cnn;

/// <summary>
/// The ML.NET workout for the CNN: fit through the catalog, score, evaluate, save, reload in a fresh MLContext and get
/// identical predictions, score one image with a PredictionEngine, write a standalone ONNX file, cross-validate.
/// </summary>
[Collection(CnnCollection.Name)]
public sealed class CnnWorkoutTests
{
    /// <summary>A quick network for 8x8 images (a few hundred images train in well under a second).</summary>
    internal static CnnOptions Small() => new()
    {
        Layers = "conv(8) bn relu maxpool(2) conv(16) bn relu gap",
        Epochs = 12,
        BatchSize = 32,
        LearningRate = 1e-2,
        HorizontalFlip = false,
        CropPadding = 1,
        Threads = 1,
    };

    [Fact]
    public void CnnTrainer_Fit_LearnsSavesReloadsAndPredictsIdentically()
    {
        var ml = new MLContext(1);
        var (train, test) = MlpWorkoutTests.Split(ml, TinyImages.Create(ml, rows: 360));

        var model = ml.MulticlassClassification.Trainers.Cnn(Small()).Fit(train);
        var scored = model.Transform(test);
        var metrics = ml.MulticlassClassification.Evaluate(scored);

        Assert.True(metrics.MicroAccuracy > 0.9, $"accuracy {metrics.MicroAccuracy}");
        Assert.Equal(train.Schema["Label"].Type, scored.Schema["PredictedLabel"].Type);
        Assert.All(MlpWorkoutTests.Vectors(scored, "Score"), p => Assert.Equal(1.0, p.Sum(), 1e-5));
        var reloaded = MlpWorkoutTests.SaveAndReload(model, train.Schema).Transform(test);
        Assert.Equal(MlpWorkoutTests.Vectors(scored, "Score"), MlpWorkoutTests.Vectors(reloaded, "Score"));
        Assert.Equal(MlpWorkoutTests.Column<uint>(scored, "PredictedLabel"), MlpWorkoutTests.Column<uint>(reloaded, "PredictedLabel"));
        var names = ml.Transforms.Conversion.MapKeyToValue("Predicted", "PredictedLabel").Fit(reloaded).Transform(reloaded);
        Assert.Equal(TinyImages.Classes.ToHashSet(), MlpWorkoutTests.Column<ReadOnlyMemory<char>>(names, "Predicted").Select(n => n.ToString()).ToHashSet());
    }

    [Fact]
    public void CnnTrainer_Fit_RecordsLossGoingDownAndThePixelStandardization()
    {
        var ml = new MLContext(1);
        var data = TinyImages.Create(ml, rows: 240);

        var model = ml.MulticlassClassification.Trainers.Cnn(Small()).Fit(data);

        var p = model.Model;
        var epochs = p.History.Epochs;
        Assert.Equal(12, epochs.Count);
        Assert.True(epochs[^1].TrainLoss < epochs[0].TrainLoss * 0.7, $"loss {epochs[0].TrainLoss} -> {epochs[^1].TrainLoss}");
        Assert.All(epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.Equal([1, 8, 8], p.ImageShape);
        Assert.InRange(p.PixelMean[0], 0.15f, 0.3f); // 8 of 64 pixels near 0.9, the rest near 0.1
        Assert.Equal(3, p.ClassCount);
        Assert.Contains("Conv2D", p.Architecture, StringComparison.Ordinal);
    }

    [Fact]
    public void CnnTrainer_PredictionEngine_ScoresOneImageLikeTheBatch()
    {
        var ml = new MLContext(1);
        var data = TinyImages.Create(ml, rows: 120);
        var options = Small();
        options.Epochs = 3;
        var model = ml.MulticlassClassification.Trainers.Cnn(options).Fit(data);
        var engine = ml.Model.CreatePredictionEngine<TinyImages.ImageRow, ScoreRow>(model, inputSchemaDefinition: TinyImages.SchemaOf(1));
        var first = ml.Data.CreateEnumerable<TinyImages.ImageRow>(data, reuseRowObject: false).First();

        var single = engine.Predict(first).Score;

        Assert.Equal(MlpWorkoutTests.Vectors(model.Transform(data), "Score")[0], single);
    }

    [Fact]
    public void CnnModel_SaveOnnx_WritesAGraphThatReadsRawPixels()
    {
        var ml = new MLContext(1);
        var data = TinyImages.Create(ml, rows: 120);
        var options = Small();
        options.Epochs = 2;
        var model = ml.MulticlassClassification.Trainers.Cnn(options).Fit(data);
        var path = Path.Combine(TestFiles.NewFolder(), "cnn.onnx");

        model.SaveOnnx(path);

        // The standalone file, applied on its own by ML.NET's ONNX transform, gives the model's probabilities.
        var onnx = ml.Transforms.ApplyOnnxModel(["Score"], ["Features"], path).Fit(data).Transform(data);
        var expected = MlpWorkoutTests.Vectors(model.Transform(data), "Score");
        var actual = MlpWorkoutTests.Vectors(onnx, "Score");
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(Enumerable.Range(0, expected.Length), i => Assert.Equal(expected[i], actual[i]));
    }

    [Fact]
    public void CnnTrainer_CrossValidate_RunsEveryFoldThroughEvaluate()
    {
        var ml = new MLContext(1);
        var data = TinyImages.Create(ml, rows: 240);
        var options = Small();
        options.Epochs = 8;

        var folds = ml.MulticlassClassification.CrossValidate(data, ml.MulticlassClassification.Trainers.Cnn(options), numberOfFolds: 3);

        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.True(f.Metrics.MicroAccuracy > 0.7, $"fold accuracy {f.Metrics.MicroAccuracy}"));
    }

    [Fact]
    public void CnnTrainer_Fit_SameSeedGivesTheSameModelForAnyThreadCount()
    {
        var ml = new MLContext(1);
        var data = TinyImages.Create(ml, rows: 120);
        var one = Small();
        one.Epochs = 2;
        one.Seed = 5;
        var two = one.Clone();
        two.Threads = 2;

        var a = ml.MulticlassClassification.Trainers.Cnn(one).Fit(data).Transform(data);
        var b = ml.MulticlassClassification.Trainers.Cnn(two).Fit(data).Transform(data);

        Assert.Equal(MlpWorkoutTests.Vectors(a, "Score"), MlpWorkoutTests.Vectors(b, "Score"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("reference")]
    [InlineData("small")]
    public void CnnTrainer_Fit_EveryPresetTrainsOnSmallImages(string preset)
    {
        var ml = new MLContext(1);
        var data = TinyImages.Create(ml, rows: 64);

        var model = ml.MulticlassClassification.Trainers.Cnn(architecture: preset, epochs: 1).Fit(data);

        Assert.Equal(64, MlpWorkoutTests.Vectors(model.Transform(data), "Score").Length);
        Assert.Equal(preset, model.Model.Options.Architecture);
    }

    [Fact]
    public void CnnTrainer_Fit_ReadsThreeChannelImages()
    {
        var ml = new MLContext(1);
        var data = TinyImages.Create(ml, rows: 90, channels: 3);
        var options = Small();
        options.Epochs = 2;

        var model = ml.MulticlassClassification.Trainers.Cnn(options).Fit(data);

        Assert.Equal([3, 8, 8], model.Model.ImageShape);
        Assert.Equal(3, model.Model.PixelMean.Count);
    }

    public sealed class ScoreRow
    {
        [VectorType]
        public float[] Score { get; set; } = [];
    }
}
