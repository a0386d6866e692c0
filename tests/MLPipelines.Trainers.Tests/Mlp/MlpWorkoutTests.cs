using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Trainers.Mlp;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>
/// The ML.NET workout for each task: fit through the catalog, score, evaluate, save, reload in a fresh MLContext
/// and get identical predictions, score single rows with a PredictionEngine, cross-validate.
/// </summary>
public sealed class MlpWorkoutTests
{
    internal static MlpOptions Small() => new() { HiddenLayers = [32, 32], Epochs = 30, BatchSize = 64, Patience = 10, Threads = 1 };

    [Fact]
    public void MlpTrainer_Binary_FitsSavesReloadsAndPredictsIdentically()
    {
        var ml = new MLContext(1);
        var data = TestTables.Binary(ml);
        var (train, test) = Split(ml, data);

        var model = ml.BinaryClassification.Trainers.Mlp(Small()).Fit(train);
        var scored = model.Transform(test);
        var metrics = ml.BinaryClassification.Evaluate(scored);

        Assert.True(metrics.Accuracy > 0.85, $"accuracy {metrics.Accuracy}");
        Assert.True(metrics.AreaUnderRocCurve > 0.9, $"auc {metrics.AreaUnderRocCurve}");
        var reloaded = SaveAndReload(model, train.Schema).Transform(test);
        Assert.Equal(Column<float>(scored, "Score"), Column<float>(reloaded, "Score"));
        Assert.Equal(Column<float>(scored, "Probability"), Column<float>(reloaded, "Probability"));
        Assert.Equal(Column<bool>(scored, "PredictedLabel"), Column<bool>(reloaded, "PredictedLabel"));
        var probability = Column<float>(scored, "Probability");
        var score = Column<float>(scored, "Score");
        Assert.All(Enumerable.Range(0, score.Length), i => Assert.Equal(1 / (1 + Math.Exp(-score[i])), probability[i], 1e-5));
    }

    [Fact]
    public void MlpTrainer_Multiclass_FitsSavesReloadsAndPredictsIdentically()
    {
        var ml = new MLContext(1);
        var (train, test) = Split(ml, TestTables.Multiclass(ml));

        var model = ml.MulticlassClassification.Trainers.Mlp(Small()).Fit(train);
        var scored = model.Transform(test);
        var metrics = ml.MulticlassClassification.Evaluate(scored);

        Assert.True(metrics.MicroAccuracy > 0.85, $"accuracy {metrics.MicroAccuracy}");
        Assert.Equal(train.Schema["Label"].Type, scored.Schema["PredictedLabel"].Type);
        var names = ml.Transforms.Conversion.MapKeyToValue("Name", "PredictedLabel").Fit(scored).Transform(scored);
        Assert.Subset(new HashSet<string>(["first", "second", "third"]), Column<ReadOnlyMemory<char>>(names, "Name").Select(n => n.ToString()).ToHashSet());
        var reloaded = SaveAndReload(model, train.Schema).Transform(test);
        Assert.Equal(Vectors(scored, "Score"), Vectors(reloaded, "Score"));
        Assert.Equal(Column<uint>(scored, "PredictedLabel"), Column<uint>(reloaded, "PredictedLabel"));
        Assert.All(Vectors(scored, "Score"), p => Assert.Equal(1.0, p.Sum(), 1e-5));
    }

    [Fact]
    public void MlpTrainer_Regression_FitsSavesReloadsAndPredictsIdentically()
    {
        var ml = new MLContext(1);
        var (train, test) = Split(ml, TestTables.Regression(ml));
        var options = Small();
        options.Epochs = 100;
        options.Dropout = 0;

        var model = ml.Regression.Trainers.Mlp(options).Fit(train);
        var scored = model.Transform(test);
        var metrics = ml.Regression.Evaluate(scored);

        Assert.True(metrics.RSquared > 0.9, $"r2 {metrics.RSquared}");
        Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
        var reloaded = SaveAndReload(model, train.Schema).Transform(test);
        Assert.Equal(Column<float>(scored, "Score"), Column<float>(reloaded, "Score"));
        // The target was standardized for training; the graph maps predictions back to the label's scale.
        Assert.InRange(Column<float>(scored, "Score").Average(), 9.0, 14.0);
    }

    [Fact]
    public void MlpTrainer_PredictionEngine_ScoresOneRowLikeTheBatch()
    {
        var ml = new MLContext(1);
        var data = TestTables.Regression(ml, rows: 300);
        var model = ml.Regression.Trainers.Mlp(Small()).Fit(data);
        var engine = ml.Model.CreatePredictionEngine<TestTables.RegressionRow, ScoreRow>(model);
        var first = ml.Data.CreateEnumerable<TestTables.RegressionRow>(data, reuseRowObject: false).First();

        var single = engine.Predict(first).Score;

        Assert.Equal(Column<float>(model.Transform(data), "Score")[0], single);
    }

    [Fact]
    public void MlpTrainer_CrossValidate_RunsEveryFoldThroughEvaluate()
    {
        var ml = new MLContext(1);
        var data = TestTables.Multiclass(ml, rows: 300);
        var options = Small();
        options.Epochs = 10;

        var folds = ml.MulticlassClassification.CrossValidate(data, ml.MulticlassClassification.Trainers.Mlp(options), numberOfFolds: 3);

        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.True(f.Metrics.MicroAccuracy > 0.6, $"fold accuracy {f.Metrics.MicroAccuracy}"));
    }

    [Fact]
    public void MlpTrainer_InsideAPipeline_SavesAndReloadsTheWholeChain()
    {
        var ml = new MLContext(1);
        var rows = ml.Data.CreateEnumerable<TestTables.CityRow>(TestTables.WithCity(ml), reuseRowObject: false).ToList();
        var raw = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("CityHot", "City")
            .Append(ml.Transforms.Concatenate("Features", "Numbers", "CityHot"))
            .Append(ml.BinaryClassification.Trainers.Mlp(Small()));

        var model = pipeline.Fit(raw);
        var path = Path.Combine(TestFiles.NewFolder(), "pipeline.zip");
        ml.Model.Save(model, raw.Schema, path);
        var loaded = new MLContext(2).Model.Load(path, out _);

        Assert.Equal(Column<float>(model.Transform(raw), "Score"), Column<float>(loaded.Transform(raw), "Score"));
        Assert.True(ml.BinaryClassification.Evaluate(model.Transform(raw)).Accuracy > 0.8);
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
