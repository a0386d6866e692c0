using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Preprocessing;

public sealed class FeaturePipelineBuilderTests
{
    /// <summary>Rows 0-7 are "training" rows with x in 1..8; rows 8-9 are "test" rows with planted extremes.</summary>
    private static TabularDataset Planted()
    {
        var path = TestPaths.WriteCsv("x,c,y\n1,a,p\n2,a,q\n3,b,p\n4,,q\n5,b,p\n6,a,q\n,a,p\n8,b,q\n1000000,zz,p\n-1000000,zz,q\n");
        return DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = path, Label = "y", Task = TaskKind.Binary } });
    }

    private static float[][] Features(ITransformer model, IDataView data) =>
        [.. model.Transform(data).GetColumn<VBuffer<float>>(FeaturePipelineBuilder.FeatureColumn).Select(v => v.DenseValues().ToArray())];

    [Theory]
    [InlineData("zscore")]
    [InlineData("minmax")]
    [InlineData("robust")]
    public void FeaturePipelineBuilder_Build_NormalizerStatisticsComeFromTrainingRowsOnly(string method)
    {
        var data = Planted();
        var ml = new MLContext(1);
        var steps = new[] { TestSpecs.Step("impute"), TestSpecs.Step("one_hot"), TestSpecs.Step("normalize", ("method", method)) };
        var pipeline = FeaturePipelineBuilder.Build(ml, data.Schema, data.Missing, steps, "linear");
        var train = data.View.Select([0, 1, 2, 3, 4, 5, 6, 7]);

        var fitted = pipeline.Estimator.Fit(train);
        var trainFeatures = Features(fitted, train);

        // Fitted on rows with x in 1..8 (median 4 fills row 6), the training values stay in a small range; had the
        // planted +-1e6 test rows leaked into the statistics, they would be squashed to ~0 (or the center moved).
        var x = trainFeatures.Select(f => f[0]).ToArray();
        Assert.True(x.Max() - x.Min() > 0.5, $"{method}: training x spans {x.Min()}..{x.Max()}");
        Assert.True(Math.Abs(x.Average()) < 5, $"{method}: mean {x.Average()}");
        var testFeatures = Features(fitted, data.View.Select([8, 9]));
        Assert.True(Math.Abs(testFeatures[0][0]) > 1000, "test rows are transformed with training statistics");
    }

    [Fact]
    public void FeaturePipelineBuilder_Build_MedianImputeUsesTrainingRowsOnly()
    {
        var data = Planted();
        var ml = new MLContext(1);
        var pipeline = FeaturePipelineBuilder.Build(ml, data.Schema, data.Missing, [TestSpecs.Step("impute", ("numeric", "median"))], "boosted_trees");

        var fitted = pipeline.Estimator.Fit(data.View.Select([0, 1, 2, 3, 4, 5, 6, 7]));

        // Row 6 has no x; the median of the training values 1,2,3,4,5,6,8 is 4.
        Assert.Equal(4f, Features(fitted, data.View.Select([6]))[0][0]);
    }

    [Fact]
    public void FeaturePipelineBuilder_Build_MeanImputeUsesTrainingRowsOnly()
    {
        var data = Planted();
        var pipeline = FeaturePipelineBuilder.Build(new MLContext(1), data.Schema, data.Missing, [TestSpecs.Step("impute", ("numeric", "mean"))], "boosted_trees");

        var fitted = pipeline.Estimator.Fit(data.View.Select([0, 1, 2, 3, 4, 5, 6, 7]));

        Assert.Equal(29f / 7, Features(fitted, data.View.Select([6]))[0][0], 4);
    }

    [Fact]
    public void FeaturePipelineBuilder_Build_OneHotLearnsCategoriesFromTrainingRows()
    {
        var data = Planted();
        var pipeline = FeaturePipelineBuilder.Build(new MLContext(1), data.Schema, data.Missing, [TestSpecs.Step("impute"), TestSpecs.Step("one_hot")], "linear");

        var fitted = pipeline.Estimator.Fit(data.View.Select([0, 1, 2, 3, 4, 5, 6, 7]));
        var rows = Features(fitted, data.View.Select([0, 3, 8]));

        Assert.Equal(3, rows[0].Length); // x + categories a, b
        Assert.Equal(1f, rows[1][1]); // missing c imputed with the training mode 'a'
        Assert.Equal([0f, 0f], rows[2][1..]); // 'zz' never seen in training: all zeros
    }

    [Fact]
    public void FeaturePipelineBuilder_Build_CategoricalsAreEncodedEvenWithoutOneHot()
    {
        var data = Planted();

        var pipeline = FeaturePipelineBuilder.Build(new MLContext(1), data.Schema, data.Missing, [], "boosted_trees");

        Assert.Contains(pipeline.Steps, s => s.Contains("one_hot", StringComparison.Ordinal) && s.Contains("implicit", StringComparison.Ordinal));
        Assert.DoesNotContain(pipeline.Steps, s => s.StartsWith("impute", StringComparison.Ordinal));
        var linear = FeaturePipelineBuilder.Build(new MLContext(1), data.Schema, data.Missing, [], "linear");
        Assert.Contains(linear.Steps, s => s.StartsWith("impute", StringComparison.Ordinal) && s.Contains("implicit", StringComparison.Ordinal));
    }

    [Fact]
    public void FeaturePipelineBuilder_Build_PcaWithTooManyComponentsNamesTheSpecKey()
    {
        var data = Planted();

        var error = Assert.Throws<DataFileException>(() => FeaturePipelineBuilder.Build(new MLContext(1), data.Schema, data.Missing,
            [TestSpecs.Step("pca", ("components", 5L))], "linear", "models[1].preprocessing"));

        Assert.Contains("models[1].preprocessing[0].pca.components: 5 components", error.Message);
    }

    [Fact]
    public void FeaturePipelineBuilder_Build_PcaProjectsToTheAskedWidth()
    {
        var data = DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = TestPaths.Dataset("wine.csv"), Label = "target" } });
        var pipeline = FeaturePipelineBuilder.Build(new MLContext(1), data.Schema, data.Missing,
            [TestSpecs.Step("normalize", ("method", "zscore")), TestSpecs.Step("pca", ("components", 3L))], "linear");

        var fitted = pipeline.Estimator.Fit(data.View);

        Assert.Equal(3, Features(fitted, data.View)[0].Length);
    }

    [Fact]
    public void FeaturePipelineBuilder_Build_BooleanTextBecomesOneZeroAndMissingIsImputed()
    {
        var path = TestPaths.WriteCsv("flag,x,y\nYes,1,p\nno,2,q\nNA,3,p\nyes,4,q\nYes,5,p\n");
        var data = DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = path, Label = "y", Task = TaskKind.Binary } });
        var pipeline = FeaturePipelineBuilder.Build(new MLContext(1), data.Schema, data.Missing, [TestSpecs.Step("impute", ("numeric", "most_frequent"))], "linear");

        var rows = Features(pipeline.Estimator.Fit(data.View), data.View);

        Assert.Equal(ColumnKind.Boolean, data.Schema["flag"].Kind);
        Assert.Equal([1f, 0f, 1f, 1f, 1f], rows.Select(r => r[1]));
    }
}
