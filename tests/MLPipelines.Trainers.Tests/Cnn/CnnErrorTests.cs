using Microsoft.ML;
using MLPipelines.Trainers.Cnn;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Tests.Cnn;

/// <summary>Bad options, bad layer lists, bad columns and divergence: each a clear message naming what to change.</summary>
[Collection(CnnCollection.Name)]
public sealed class CnnErrorTests
{
    [Theory]
    [InlineData("epochs", 0, "epochs: must be >= 1 and <= 100000, got 0")]
    [InlineData("batch_size", 1, "batch_size: must be >= 2 and <= 65536, got 1")]
    [InlineData("learning_rate", -1.0, "learning_rate: must be > 0, got -1")]
    [InlineData("label_smoothing", 1.0, "label_smoothing: must be >= 0 and < 1, got 1")]
    [InlineData("random_erasing", 1.5, "random_erasing: must be >= 0 and <= 1, got 1.5")]
    [InlineData("crop_padding", -1, "crop_padding: must be >= 0 and <= 64, got -1")]
    public void CnnCatalog_Cnn_OutOfRangeOptionIsRejected(string option, double value, string expected)
    {
        var o = new CnnOptions();
        switch (option)
        {
            case "epochs": o.Epochs = (int)value; break;
            case "batch_size": o.BatchSize = (int)value; break;
            case "learning_rate": o.LearningRate = value; break;
            case "label_smoothing": o.LabelSmoothing = value; break;
            case "random_erasing": o.RandomErasing = value; break;
            default: o.CropPadding = (int)value; break;
        }

        var e = Assert.Throws<ArgumentException>(() => new MLContext(1).MulticlassClassification.Trainers.Cnn(o));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conv(32) bn relux", "layers: item 3 'relux': unknown layer 'relux'; did you mean 'relu'?")]
    [InlineData("conv(0)", "layers: item 1 'conv(0)': filters must be an integer in [1, 4096], got 0")]
    [InlineData("conv(32, 2.5)", "layers: item 1 'conv(32, 2.5)': kernel must be an integer in [1, 15], got 2.5")]
    [InlineData("conv(32) dropout(1.2)", "layers: item 2 'dropout(1.2)': rate must be in [0, 1), got 1.2")]
    [InlineData("conv(32) flatten maxpool(2)", "layers: item 3 'maxpool(2)': maxpool needs images [C, H, W], but item 2 'flatten' already made each image a flat vector")]
    [InlineData("dense", "layers: item 1 'dense': expects dense(units), e.g. dense(128)")]
    [InlineData("conv(32", "layers: 'conv(32' is missing a ')'")]
    [InlineData("  ", "layers: is empty")]
    public void CnnCatalog_Cnn_BadLayerListIsRejectedNamingTheItem(string layers, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new MLContext(1).MulticlassClassification.Trainers.Cnn(new CnnOptions { Layers = layers }));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CnnCatalog_Cnn_UnknownPresetGetsASuggestion()
    {
        var e = Assert.Throws<ArgumentException>(() => new MLContext(1).MulticlassClassification.Trainers.Cnn(architecture: "smal"));

        Assert.Contains("architecture: unknown preset 'smal'; did you mean 'small'?", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CnnCatalog_Cnn_EarlyStoppingWithoutAValidationSplitIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new MLContext(1).MulticlassClassification.Trainers.Cnn(new CnnOptions { EarlyStopping = true, ValidationFraction = 0 }));

        Assert.Contains("early_stopping: needs a validation split", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CnnTrainer_Fit_LayersThatShrinkTheImageTooFarAreRejectedWithTheShape()
    {
        var ml = new MLContext(1);
        var options = new CnnOptions { Layers = "conv(8) maxpool(2) maxpool(2) maxpool(2) maxpool(2)", Epochs = 1 };

        var e = Assert.Throws<ArgumentException>(() => ml.MulticlassClassification.Trainers.Cnn(options).Fit(TinyImages.Create(ml, rows: 30)));

        Assert.StartsWith("CNN: the layers \"conv(8) maxpool(2) maxpool(2) maxpool(2) maxpool(2)\" do not fit images of [1, 8, 8]:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CnnTrainer_Fit_ImageShapeThatDoesNotMatchTheVectorIsRejected()
    {
        var ml = new MLContext(1);

        var e = Assert.Throws<ArgumentException>(() =>
            ml.MulticlassClassification.Trainers.Cnn(imageShape: [1, 7, 7], epochs: 1).Fit(TinyImages.Create(ml, rows: 30)));

        Assert.Contains("image shape [1, 7, 7] does not match feature column 'Features' of 64 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CnnTrainer_Fit_NonKeyLabelIsRejectedNamingTheType()
    {
        var ml = new MLContext(1);
        var data = ml.Transforms.CopyColumns("Label", "Name").Fit(TinyImages.Create(ml, rows: 30)).Transform(TinyImages.Create(ml, rows: 30));

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.Cnn(epochs: 1).Fit(data));

        Assert.Contains("CNN: label column 'Label' must be a key type with at least 2 values (MapValueToKey), got String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CnnTrainer_Fit_DivergenceGivesAClearError()
    {
        var ml = new MLContext(1);
        var options = CnnWorkoutTests.Small();
        options.LearningRate = 1e30;
        options.Optimizer = OptimizerKind.Sgd;
        options.Schedule = ScheduleKind.Constant;

        var e = Assert.Throws<NetworkTrainingException>(() => ml.MulticlassClassification.Trainers.Cnn(options).Fit(TinyImages.Create(ml, rows: 90)));

        Assert.StartsWith("CNN training diverged: the loss became", e.Message, StringComparison.Ordinal);
        Assert.Contains("with learning_rate 1E+30 (optimizer sgd); try a lower learning_rate, e.g. 1E+29, or gradient_clip: 1", e.Message, StringComparison.Ordinal);
    }
}
