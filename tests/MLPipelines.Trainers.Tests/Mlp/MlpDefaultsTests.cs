using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Trainers.Mlp;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>Defaults: dropout settles by task unless the user set it; numeric inputs get periodic embeddings.</summary>
public sealed class MlpDefaultsTests
{
    [Theory]
    [InlineData(TaskKind.Regression, 0.0)]
    [InlineData(TaskKind.Binary, null)]
    [InlineData(TaskKind.Multiclass, null)]
    public void MlpOptions_ResolvedFor_DropoutSettlesByTask(TaskKind task, double? dropout)
    {
        var resolved = new MlpOptions().ResolvedFor(task);

        Assert.Equal(dropout, resolved.Dropout);
        Assert.Equal(MlpNumericEmbedding.Auto, resolved.NumericEmbedding); // settled in the fit, by the input width
    }

    [Fact]
    public void MlpOptions_ResolvedFor_ClassificationWithoutValidationSplitUsesTheAutoDropout()
    {
        var resolved = new MlpOptions { ValidationFraction = 0, EarlyStopping = false }.ResolvedFor(TaskKind.Binary);

        Assert.Equal(MlpOptions.AutoDropout, resolved.Dropout);
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
    public void MlpTrainer_Fit_DefaultNetworksHavePeriodicEmbeddingsAndNoDropoutUnlessTheyOverfit()
    {
        var ml = new MLContext(1);
        var options = MlpWorkoutTests.Small();
        options.Dropout = null;
        options.NumericEmbedding = new MlpOptions().NumericEmbedding;
        options.Epochs = 2;
        var log = new TrainingLog();

        var regression = ml.Regression.Trainers.Mlp(options).Fit(TestTables.Regression(ml, rows: 200));
        var binary = new MlpTrainer(ml, TaskKind.Binary, options, "Label", "Features", new NetworkFitHooks { Log = log })
            .Fit(TestTables.Binary(ml, rows: 200));

        Assert.Contains("PeriodicEmbedding", regression.Model.Architecture, StringComparison.Ordinal);
        Assert.DoesNotContain("Dropout", regression.Model.Architecture, StringComparison.Ordinal);
        Assert.Equal(MlpNumericEmbedding.Periodic, regression.Model.Options.NumericEmbedding);
        Assert.Contains("PeriodicEmbedding", binary.Model.Architecture, StringComparison.Ordinal);
        Assert.DoesNotContain("Dropout", binary.Model.Architecture, StringComparison.Ordinal); // 2 epochs: no overfitting
        Assert.Equal(0, binary.Model.Options.Dropout);
        Assert.Contains(log.Notes, n => n.StartsWith("dropout auto: 0 (no overfitting", StringComparison.Ordinal));
        Assert.False(log.Values.ContainsKey("dropout_candidates_trained"));
        Assert.Equal(2, log.Epochs.Count);
    }

    [Theory]
    [InlineData(MlpOptions.AutoPeriodicMaxInputs, MlpNumericEmbedding.Periodic)]
    [InlineData(MlpOptions.AutoPeriodicMaxInputs + 1, MlpNumericEmbedding.None)]
    public void MlpTrainer_Fit_AutoNumericEmbeddingIsPeriodicUpToTheLimitOfNumericInputs(int inputs, MlpNumericEmbedding expected)
    {
        var ml = new MLContext(1);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 64).Select(i =>
        {
            var x = Enumerable.Range(0, inputs).Select(_ => (float)random.NextDouble()).ToArray();
            return new WideRow { Features = x, Label = x[0] > 0.5f };
        });
        var schema = SchemaDefinition.Create(typeof(WideRow));
        schema[nameof(WideRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, inputs);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var options = new MlpOptions { HiddenLayers = [8], Epochs = 1, Dropout = 0, Threads = 1 };

        var model = ml.BinaryClassification.Trainers.Mlp(options).Fit(data);

        Assert.Equal(expected, model.Model.Options.NumericEmbedding);
        Assert.Equal(expected == MlpNumericEmbedding.Periodic, model.Model.Architecture.Contains("PeriodicEmbedding", StringComparison.Ordinal));
    }

    [Fact]
    public void MlpTrainer_Fit_AutoDropoutKeepsTheCandidateWithTheLowerValidationLossWhenThePlainNetworkOverfits()
    {
        // Given a small noisy table and a wide network that overfits it within a few epochs
        var ml = new MLContext(1);
        var data = TestTables.Binary(ml, rows: 160, seed: 9);
        MlpOptions Options(double? dropout) => new()
        {
            HiddenLayers = [128, 128], Epochs = 60, BatchSize = 32, Patience = 5, LearningRate = 5e-3, WeightDecay = 0,
            LabelSmoothing = 0, NumericEmbedding = MlpNumericEmbedding.None, Threads = 1, Seed = 5, Dropout = dropout,
        };
        var log = new TrainingLog();

        // When fitting with automatic dropout, and each candidate alone
        var auto = new MlpTrainer(ml, TaskKind.Binary, Options(null), "Label", "Features", new NetworkFitHooks { Log = log }).Fit(data);
        var plain = ml.BinaryClassification.Trainers.Mlp(Options(0)).Fit(data).Model.History;
        var dropped = ml.BinaryClassification.Trainers.Mlp(Options(MlpOptions.AutoDropout)).Fit(data).Model.History;

        // Then the plain network overfit, both were trained, and the one with the lower validation loss was kept,
        // with its own learning curve
        Assert.True(plain.BestEpoch <= plain.Epochs.Count - 5, $"best epoch {plain.BestEpoch} of {plain.Epochs.Count}");
        Assert.Equal(2, log.Values["dropout_candidates_trained"]);
        var (a, b) = (Best(plain), Best(dropped));
        var expected = b < a ? MlpOptions.AutoDropout : 0;
        Assert.Equal(expected, auto.Model.Options.Dropout);
        Assert.Equal(Math.Min(a, b), Best(auto.Model.History));
        Assert.Equal((b < a ? dropped : plain).Epochs.Count, log.Epochs.Count);
        Assert.Contains(log.Notes, n => n.StartsWith($"dropout auto: {(expected > 0 ? "0.15" : "0")} (best validation loss", StringComparison.Ordinal));
    }

    private sealed class WideRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private static double Best(Neural.Training.TrainingHistory history) => history.Epochs[history.BestEpoch - 1].ValidationLoss!.Value;
}
