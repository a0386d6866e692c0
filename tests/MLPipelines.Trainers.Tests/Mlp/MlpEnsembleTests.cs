using Microsoft.ML;
using MLPipelines.Trainers.Mlp;
using static MLPipelines.Trainers.Tests.Mlp.MlpWorkoutTests;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>The MLP with <c>ensemble_members</c> &gt; 1 (TabM): the ML.NET workout per task, and what the options build.</summary>
public sealed class MlpEnsembleTests
{
    private static MlpOptions Ensemble(MlpEnsemble variant = MlpEnsemble.Tabm)
    {
        var o = Small();
        o.EnsembleMembers = 4;
        o.Ensemble = variant;
        o.Epochs = 20;
        return o;
    }

    [Fact]
    public void MlpTrainer_EnsembleBinary_ReloadsIdenticallyWithScoreTheLogitOfTheMeanProbability()
    {
        // Given a 4-member TabM on a binary table
        var ml = new MLContext(1);
        var (train, test) = Split(ml, TestTables.Binary(ml));

        // When fitted, scored, saved and reloaded
        var model = ml.BinaryClassification.Trainers.Mlp(Ensemble()).Fit(train);
        var scored = model.Transform(test);
        var reloaded = SaveAndReload(model, train.Schema).Transform(test);

        // Then it learns, the reloaded zip predicts the same, and Score is the logit of the averaged probability
        Assert.True(ml.BinaryClassification.Evaluate(scored).Accuracy > 0.85);
        Assert.Equal(Column<float>(scored, "Probability"), Column<float>(reloaded, "Probability"));
        var probability = Column<float>(scored, "Probability");
        var score = Column<float>(scored, "Score");
        Assert.All(Enumerable.Range(0, score.Length), i => Assert.Equal(1 / (1 + Math.Exp(-score[i])), probability[i], 1e-5));
        Assert.Contains("EnsembleDense", model.Model.Architecture);
        Assert.Contains("BatchEnsembleDense", model.Model.Architecture);
    }

    [Fact]
    public void MlpTrainer_EnsembleMiniMulticlass_GivesProbabilitiesThatSumToOne()
    {
        var ml = new MLContext(1);
        var (train, test) = Split(ml, TestTables.Multiclass(ml));

        var model = ml.MulticlassClassification.Trainers.Mlp(Ensemble(MlpEnsemble.Mini)).Fit(train);
        var scored = model.Transform(test);

        Assert.True(ml.MulticlassClassification.Evaluate(scored).MicroAccuracy > 0.85);
        Assert.All(Vectors(scored, "Score"), p => Assert.Equal(1.0, p.Sum(), 1e-5));
        Assert.Equal(Vectors(scored, "Score"), Vectors(SaveAndReload(model, train.Schema).Transform(test), "Score"));
    }

    [Fact]
    public void MlpTrainer_EnsembleRegression_LearnsOnTheLabelScale()
    {
        var ml = new MLContext(1);
        var (train, test) = Split(ml, TestTables.Regression(ml));
        var options = Ensemble();
        options.Epochs = 60;
        options.Dropout = 0;

        var model = ml.Regression.Trainers.Mlp(options).Fit(train);
        var scored = model.Transform(test);

        Assert.True(ml.Regression.Evaluate(scored).RSquared > 0.9);
        Assert.Equal(Column<float>(scored, "Score"), Column<float>(SaveAndReload(model, train.Schema).Transform(test), "Score"));
        Assert.InRange(Column<float>(scored, "Score").Average(), 9.0, 14.0);
    }

    [Fact]
    public void MlpTrainer_EnsembleWithPeriodicAndCategoricalEmbeddings_GivesEachFeatureOneAdapterValuePerMember()
    {
        // Given a table with 4 numeric columns (periodic embeddings of 4 values) and a 24-slot city block (embedded)
        var ml = new MLContext(1);
        var data = TestTables.WithCity(ml);
        var options = Ensemble();
        options.Epochs = 5;
        options.NumericEmbedding = MlpNumericEmbedding.Periodic;
        options.PeriodicDimension = 4;
        options.AdapterInit = MlpAdapterInit.RandomSigns;

        // When fitted
        var model = ml.BinaryClassification.Trainers.Mlp(options).Fit(data);

        // Then the ensemble was built over the embedded features (the adapter chunks covered the input exactly) and
        // the reloaded zip scores the same
        Assert.Contains("Embedding", model.Model.Architecture, StringComparison.Ordinal);
        Assert.Contains("EnsembleView", model.Model.Architecture, StringComparison.Ordinal);
        var reloaded = SaveAndReload(model, data.Schema);
        Assert.Equal(Column<float>(model.Transform(data), "Probability"), Column<float>(reloaded.Transform(data), "Probability"));
    }
}
