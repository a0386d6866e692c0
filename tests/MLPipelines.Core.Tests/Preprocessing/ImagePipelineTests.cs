using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Core.Trainers;
using MLPipelines.Data.Images;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Preprocessing;

/// <summary>The committed Fashion-MNIST subset through the whole image path: spec, readers, view, preprocessing, a registered trainer.</summary>
public sealed class ImagePipelineTests
{
    private static readonly Lazy<(PipelineSpec Spec, ImageData Data)> Subset = new(() =>
    {
        var spec = ExamplePipelines.Load("fashion-mnist-subset.yaml");
        return (spec, ImageDatasetLoader.Load(spec));
    });

    [Fact]
    public void ImageData_CombineForTestSet_TrainRowsThenTestRows()
    {
        var data = Subset.Value.Data;

        var (all, train, test) = data.CombineForTestSet();

        Assert.Equal(2500, all.Count);
        Assert.Equal(Enumerable.Range(0, 2000), train);
        Assert.Equal(Enumerable.Range(2000, 500), test);
        Assert.Equal(data.Test!.GetImage(7).ToArray(), all.GetImage(2007).ToArray());
        Assert.Equal(data.Test.SourceOf(7), all.SourceOf(2007));
    }

    [Fact]
    public void LightGbmPlugin_OnSubsetImages_TrainsOnTrainAndScoresOnTest()
    {
        var (spec, data) = Subset.Value;
        var (all, trainRows, testRows) = data.CombineForTestSet();
        var view = all.ToDataView(data.Task);
        var ml = new MLContext(seed: 42);
        var features = ImageFeaturePipeline.Build(ml, spec.Preprocessing, data.Shape, "preprocessing");
        Assert.True(BuiltinTrainers.CreateRegistry().TryGet("lightgbm", out var lightgbm));
        var context = new TrainerContext
        {
            MLContext = ml,
            Task = data.Task,
            ClassCount = data.Classes.Count,
            Seed = 42,
            Image = features.Shape,
        };
        var options = new Dictionary<string, object?>(lightgbm.Options.ToDictionary(o => o.Name, o => o.Default))
        {
            // Small and single-threaded: LightGBM's spinning worker threads crawl on a busy 2-core machine.
            ["iterations"] = 12L,
            ["learning_rate"] = 0.3,
            ["num_leaves"] = 7L,
            ["max_bin"] = 16L,
            ["threads"] = 1L,
        };

        var model = features.Estimator.Append(lightgbm.CreateEstimator(context, options)).Fit(view.Select(trainRows));
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(view.Select(testRows)));

        Assert.Equal(new ImageShape(1, 28, 28), context.Image);
        Assert.True(metrics.MicroAccuracy > 0.7, $"test accuracy {metrics.MicroAccuracy:F3}");
    }

    [Fact]
    public void ImageFeaturePipeline_NormalizeThenPca_ReplacesPixelsAndDropsTheShape()
    {
        var data = Subset.Value.Data;
        var ml = new MLContext(seed: 1);
        PreprocessingStepSpec[] steps =
        [
            new() { Kind = "normalize", Options = { ["method"] = "zscore" } },
            new() { Kind = "pca", Options = { ["components"] = 12L } },
        ];

        var pipeline = ImageFeaturePipeline.Build(ml, steps, data.Shape, "preprocessing");
        var output = pipeline.Estimator.Fit(data.Train.ToDataView()).Transform(data.Test!.ToDataView());

        Assert.Null(pipeline.Shape);
        Assert.True(pipeline.Normalized);
        Assert.Equal(["normalize method=zscore (per pixel position)", "pca components=12"], pipeline.Steps);
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 12), output.Schema["Features"].Type);
    }

    [Fact]
    public void ImageFeaturePipeline_MorePcaComponentsThanPixels_NamesTheKey()
    {
        PreprocessingStepSpec[] steps = [new() { Kind = "pca", Options = { ["components"] = 800L } }];

        var e = Assert.Throws<DataFileException>(() =>
            ImageFeaturePipeline.Build(new MLContext(), steps, new ImageShape(1, 28, 28), "models[2].preprocessing"));

        Assert.Equal("models[2].preprocessing[0].pca.components", e.KeyPath);
        Assert.Equal("models[2].preprocessing[0].pca.components: 800 components asked for, but the images have only 784 pixel values (1x28x28)", e.Message);
    }
}
