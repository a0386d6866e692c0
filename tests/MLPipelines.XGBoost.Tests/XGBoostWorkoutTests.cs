using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// The ML.NET workout for each task: fit through the catalog, score, evaluate, save, reload in a fresh MLContext and
/// get identical predictions, score single rows with a PredictionEngine, cross-validate, reject a bad schema.
/// </summary>
public sealed class XGBoostWorkoutTests
{
    internal static XGBoostOptions Small() => new() { NEstimators = 20, Threads = 1 };

    [Fact]
    public void XGBoostTrainer_Binary_FitsSavesReloadsAndPredictsIdentically()
    {
        var ml = new MLContext(1);
        var (train, test) = Split(ml, XGBoostTables.Binary(ml));

        using var model = ml.BinaryClassification.Trainers.XGBoost(Small()).Fit(train);
        var scored = model.Transform(test);
        var metrics = ml.BinaryClassification.Evaluate(scored);

        Assert.True(metrics.Accuracy > 0.8, $"accuracy {metrics.Accuracy}");
        var reloaded = SaveAndReload(model, train.Schema).Transform(test);
        Assert.Equal(Column<float>(scored, "Score"), Column<float>(reloaded, "Score"));
        Assert.Equal(Column<float>(scored, "Probability"), Column<float>(reloaded, "Probability"));
        Assert.Equal(Column<bool>(scored, "PredictedLabel"), Column<bool>(reloaded, "PredictedLabel"));
    }

    [Fact]
    public void XGBoostTrainer_Multiclass_FitsSavesReloadsAndPredictsIdentically()
    {
        var ml = new MLContext(1);
        var (train, test) = Split(ml, XGBoostTables.Multiclass(ml));

        using var model = ml.MulticlassClassification.Trainers.XGBoost(Small()).Fit(train);
        var scored = model.Transform(test);

        Assert.True(ml.MulticlassClassification.Evaluate(scored).MicroAccuracy > 0.75);
        Assert.Equal(train.Schema["Label"].Type, scored.Schema["PredictedLabel"].Type);
        var names = ml.Transforms.Conversion.MapKeyToValue("Name", "PredictedLabel").Fit(scored).Transform(scored);
        Assert.Subset(new HashSet<string>(["first", "second", "third"]), Column<ReadOnlyMemory<char>>(names, "Name").Select(n => n.ToString()).ToHashSet());
        var reloaded = SaveAndReload(model, train.Schema).Transform(test);
        Assert.Equal(Vectors(scored, "Score"), Vectors(reloaded, "Score"));
        Assert.Equal(Column<uint>(scored, "PredictedLabel"), Column<uint>(reloaded, "PredictedLabel"));
        Assert.All(Vectors(scored, "Score"), p => Assert.Equal(1.0, p.Sum(), 1e-5));
    }

    [Fact]
    public void XGBoostTrainer_Regression_FitsSavesReloadsAndPredictsIdentically()
    {
        var ml = new MLContext(1);
        var (train, test) = Split(ml, XGBoostTables.Regression(ml));

        using var model = ml.Regression.Trainers.XGBoost(Small()).Fit(train);
        var scored = model.Transform(test);

        Assert.True(ml.Regression.Evaluate(scored).RSquared > 0.8);
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
        Assert.Equal(Column<float>(scored, "Score"), Column<float>(SaveAndReload(model, train.Schema).Transform(test), "Score"));
    }

    [Fact]
    public void XGBoostTrainer_PredictionEngine_ScoresOneRowLikeTheBatch()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Regression(ml, rows: 300);
        using var model = ml.Regression.Trainers.XGBoost(Small()).Fit(data);
        var engine = ml.Model.CreatePredictionEngine<XGBoostTables.RegressionRow, ScoreRow>(model);
        var first = ml.Data.CreateEnumerable<XGBoostTables.RegressionRow>(data, reuseRowObject: false).First();

        Assert.Equal(Column<float>(model.Transform(data), "Score")[0], engine.Predict(first).Score);
    }

    [Fact]
    public void XGBoostTrainer_CrossValidate_RunsEveryFoldThroughEvaluate()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Multiclass(ml, rows: 300);

        var folds = ml.MulticlassClassification.CrossValidate(data, ml.MulticlassClassification.Trainers.XGBoost(Small()), numberOfFolds: 3);

        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.True(f.Metrics.MicroAccuracy > 0.6, $"fold accuracy {f.Metrics.MicroAccuracy}"));
    }

    [Fact]
    public void XGBoostTrainer_SameSeedAndThreads_GiveTheSameBooster()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Binary(ml);
        var options = Small();
        options.Subsample = 0.7;
        options.ColsampleBytree = 0.6;
        options.Seed = 11;

        using var first = ml.BinaryClassification.Trainers.XGBoost(options).Fit(data);
        using var second = ml.BinaryClassification.Trainers.XGBoost(options).Fit(data);
        options.Seed = 12;
        using var third = ml.BinaryClassification.Trainers.XGBoost(options).Fit(data);

        Assert.True(first.Model.BoosterJson.Span.SequenceEqual(second.Model.BoosterJson.Span));
        Assert.NotEqual(Column<float>(first.Transform(data), "Score"), Column<float>(third.Transform(data), "Score"));
    }

    [Fact]
    public void XGBoostTrainer_WrongLabelType_IsRejectedBeforeFitting()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Regression(ml, rows: 50);
        var trainer = ml.BinaryClassification.Trainers.XGBoost(Small());

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.GetOutputSchema(Shapes.Of(data.Schema)));
        Assert.Contains("label column 'Label' must be Boolean", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(data));
    }

    [Fact]
    public void XGBoostTrainer_MissingFeatureColumn_NamesTheColumnsThereAre()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Binary(ml, rows: 50);
        var options = Small();
        options.FeatureColumnName = "Pixels";

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ml.BinaryClassification.Trainers.XGBoost(options).Fit(data));

        Assert.Contains("feature column 'Pixels' not found; the data has 'Features', 'Label'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XGBoostTrainer_InvalidOptions_AreRejectedWithTheirNames()
    {
        var ml = new MLContext(1);
        var options = new XGBoostOptions { Subsample = 0, TreeMethod = XGBoostTreeMethod.Exact, GrowPolicy = XGBoostGrowPolicy.Lossguide };

        var e = Assert.Throws<ArgumentException>(() => ml.BinaryClassification.Trainers.XGBoost(options));

        Assert.Contains("subsample must be > 0 and <= 1, got 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("grow_policy lossguide needs tree_method hist or approx", e.Message, StringComparison.Ordinal);
    }

    internal static (IDataView Train, IDataView Test) Split(MLContext ml, IDataView data)
    {
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 5);
        return (split.TrainSet, split.TestSet);
    }

    internal static ITransformer SaveAndReload(ITransformer model, DataViewSchema schema)
    {
        var path = Path.Combine(TestFiles.NewFolder(), "model.zip");
        new MLContext(7).Model.Save(model, schema, path);
        return new MLContext(8).Model.Load(path, out _);
    }

    internal static T[] Column<T>(IDataView view, string name) => [.. view.GetColumn<T>(name)];

    internal static float[][] Vectors(IDataView view, string name) =>
        [.. view.GetColumn<VBuffer<float>>(name).Select(v => v.DenseValues().ToArray())];

    public sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}
