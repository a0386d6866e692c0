using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>Image data through the whole runner, on slices of the committed Fashion-MNIST subset.</summary>
public sealed class ImageRunTests
{
    private const string Linear = "  - {name: linear, trainer: lbfgs, options: {max_iterations: 30}}\n";
    private const string Trees = "  - {name: trees, trainer: lightgbm, options: {iterations: 8, num_leaves: 7, max_bin: 16, threads: 1}}\n";

    [Fact]
    public void PipelineRunner_Run_TestSetTrainsOnTrainScoresTestAndSavesTheScoredModel()
    {
        var folder = TestPaths.NewTempFolder();
        var spec = Load(ImageSlice.WriteSpec(folder, 300, 100, "{method: test_set, seed: 3}", Linear + Trees));
        var output = Path.Combine(folder, "run");

        var results = new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = output }).Results;

        Assert.Equal("test_set", results.Evaluation.Method);
        var images = results.Dataset.Images!;
        Assert.Equal((300, 100, 1, 28, 28), (images.TrainImages, images.TestImages, images.Channels, images.Height, images.Width));
        Assert.Equal(100, images.TestClassCounts.Sum());
        Assert.Equal(784, results.Dataset.Features);
        foreach (var model in results.Models)
        {
            var fold = Assert.Single(model.Folds);
            Assert.Equal((300, 100), (fold.TrainRows, fold.TestRows));
            Assert.True(model.Metrics["accuracy"].Mean > 0.5, $"{model.Name}: {model.Metrics["accuracy"].Mean}");
            Assert.Equal(fold.FitSeconds, model.FinalFitSeconds);
        }

        // The saved model is the one that was scored: reloaded, it gives the probabilities of the predictions file.
        var predictions = ModelPredictions.Read(Path.Combine(output, "predictions", "linear.csv"));
        Assert.Equal(100, predictions.Count);
        Assert.Equal(Enumerable.Range(1, 100), predictions.Row);
        Assert.EndsWith("t10k-images.idx: image 0", predictions.Source![0], StringComparison.Ordinal);
        var reloaded = Rescore(Path.Combine(output, "models", "linear.zip"), Path.Combine(folder, "t10k-images.idx"));
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(predictions.ClassProbabilities![i], reloaded[i], new ToleranceComparer(1e-6f));
        }
    }

    [Fact]
    public void PipelineRunner_Run_ImagesKFoldSplitsTheTrainingImagesStratified()
    {
        var folder = TestPaths.NewTempFolder();
        var spec = Load(ImageSlice.WriteSpec(folder, 200, 0, "{method: kfold, folds: 2, seed: 5}", Linear, "report: {feature_importance: false}\n"));

        var results = new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = Path.Combine(folder, "run") }).Results;

        Assert.Equal("kfold", results.Evaluation.Method);
        Assert.True(results.Evaluation.Stratify);
        Assert.Equal(0, results.Dataset.Images!.TestImages);
        Assert.All(results.Models[0].Folds, f => Assert.Equal((100, 100), (f.TrainRows, f.TestRows)));
        Assert.Null(results.Models[0].FeatureImportance);
        var predictions = ModelPredictions.Read(Path.Combine(folder, "run", "predictions", "linear.csv"));
        Assert.Equal(Enumerable.Range(1, 200), predictions.Row.Order());
        foreach (var fold in new[] { 0, 1 })
        {
            // Stratified: each fold's test half holds half of every class (±1).
            var byClass = predictions.Actual.Where((_, i) => predictions.Fold[i] == fold).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (name, count) in results.Dataset.Classes.Zip(results.Dataset.ClassCounts))
            {
                Assert.InRange(byClass.GetValueOrDefault(name), (count / 2) - 1, (count / 2) + 1);
            }
        }
    }

    [Fact]
    public void PipelineRunner_Run_ImageImportanceIsAGridOfPixelBlocks()
    {
        var folder = TestPaths.NewTempFolder();
        var spec = Load(ImageSlice.WriteSpec(folder, 300, 100, "{method: test_set}", Linear));

        var results = new PipelineRunner(BuiltinTrainers.CreateRegistry()).Run(spec, new RunOptions { OutputDirectory = Path.Combine(folder, "run") }).Results;

        var importance = results.Models[0].FeatureImportance!;
        Assert.Equal("image_blocks", importance.Unit);
        Assert.Equal(new ImportanceGridResult(7, 7, 4), importance.Grid);
        Assert.Equal(49, importance.Features.Count);
        Assert.Equal(100, importance.RowsPerSplit);
        // The border of Fashion-MNIST images is nearly always black: shuffling a corner block changes little,
        // while the most important block (somewhere in the middle) costs accuracy.
        var corner = importance.Features.Single(f => f.GridRow == 0 && f.GridColumn == 0);
        Assert.True(Math.Abs(corner.Importance) <= 0.02, $"corner block: {corner.Importance}");
        Assert.True(importance.Features[0].Importance >= 0.02, $"top block: {importance.Features[0].Feature} {importance.Features[0].Importance}");
        Assert.NotNull(results.Statistics!.Note);
    }

    private static PipelineSpec Load(string path) => new SpecLoader(BuiltinTrainers.CreateRegistry()).Load(path);

    /// <summary>Scores the images of an IDX file with a saved model, as a user would: pixels / 255 into a Features vector.</summary>
    private static float[][] Rescore(string modelPath, string imagesPath)
    {
        var ml = new MLContext(seed: 0);
        var model = ml.Model.Load(modelPath, out var schema);
        var bytes = File.ReadAllBytes(imagesPath);
        var count = (bytes[4] << 24) | (bytes[5] << 16) | (bytes[6] << 8) | bytes[7];
        var rows = Enumerable.Range(0, count).Select(i => new ImageRow { Features = [.. bytes.AsSpan(16 + (i * 784), 784).ToArray().Select(b => b / 255f)] });
        var definition = SchemaDefinition.Create(typeof(ImageRow));
        definition["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 784);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows, definition));
        Assert.Equal(schema["Features"].Type, scored.Schema["Features"].Type);
        return [.. scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray())];
    }

    private sealed class ImageRow
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(float obj) => 0;
    }
}
