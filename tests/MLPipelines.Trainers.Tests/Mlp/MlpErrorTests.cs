using Microsoft.ML;
using MLPipelines.Trainers.Mlp;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>Bad schemas, bad options and divergence give clear errors.</summary>
public sealed class MlpErrorTests
{
    [Fact]
    public void MlpTrainer_Fit_MissingFeatureColumnNamesItAndTheColumnsFound()
    {
        var ml = new MLContext(1);
        var data = TestTables.Binary(ml, rows: 50);
        var options = MlpWorkoutTests.Small();
        options.FeatureColumnName = "Inputs";

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.Mlp(options).Fit(data));

        Assert.Contains("feature column 'Inputs' not found", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Features'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MlpTrainer_Fit_WrongLabelTypeSaysWhatTheTaskNeeds()
    {
        var ml = new MLContext(1);
        var data = TestTables.Regression(ml, rows: 50); // Single label given to the multiclass trainer

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.MulticlassClassification.Trainers.Mlp(MlpWorkoutTests.Small()).Fit(data));

        Assert.Contains("label column 'Label' must be a key type", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MlpTrainer_GetOutputSchema_RejectsATextFeatureColumnBeforeFitting()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable([new TextFeatures { Features = "a", Label = true }]);
        var estimator = ml.BinaryClassification.Trainers.Mlp(MlpWorkoutTests.Small());

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.GetOutputSchema(Shapes.Of(data.Schema)));

        Assert.Contains("must be a known-size vector of Single", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dropout", "dropout: must be >= 0 and < 1, got 1.5")]
    [InlineData("learning_rate", "learning_rate: must be > 0, got 0")]
    [InlineData("hidden_layers", "hidden_layers: must be >= 1 and <= 65536, got 0")]
    [InlineData("early_stopping", "early_stopping: needs a validation split")]
    public void MlpCatalog_Mlp_BadOptionsAreRejectedNamingTheOption(string option, string message)
    {
        var options = MlpWorkoutTests.Small();
        switch (option)
        {
            case "dropout": options.Dropout = 1.5; break;
            case "learning_rate": options.LearningRate = 0; break;
            case "hidden_layers": options.HiddenLayers = [16, 0]; break;
            default: options.ValidationFraction = 0; options.EarlyStopping = true; break;
        }

        var e = Assert.Throws<ArgumentException>(() => new MLContext(1).Regression.Trainers.Mlp(options));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MlpTrainer_Fit_HugeLearningRateFailsWithAClearDivergenceMessage()
    {
        var ml = new MLContext(1);
        var options = MlpWorkoutTests.Small();
        options.LearningRate = 1e6;

        var e = Assert.Throws<NetworkTrainingException>(() => ml.Regression.Trainers.Mlp(options).Fit(TestTables.Regression(ml, rows: 200)));

        Assert.StartsWith("MLP training diverged: the loss became", e.Message, StringComparison.Ordinal);
        Assert.Contains("learning_rate 1000000", e.Message, StringComparison.Ordinal);
        Assert.Contains("try a lower learning_rate, e.g. 100000", e.Message, StringComparison.Ordinal);
    }

    public sealed class TextFeatures
    {
        public string Features { get; set; } = "";

        public bool Label { get; set; }
    }
}
