using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Preprocessing;

public sealed class NumericImputeEstimatorTests
{
    // Fitted on the first five rows. a: an even count (the median is the mean of 0.1 and 0.30000001); b: mostly
    // 1e39, which parses to +infinity; c: no value in those rows (filled with 0); d: complete.
    private const string Csv = "a,b,c,d,y\n0.1,1e39,,1,p\n,1e39,,2,q\n0.30000001,5,,1,p\n1e-30,,,2,q\n7,1e39,,1,p\n8,2,9,2,q\n9,3,10,1,p\n";

    [Fact]
    public void NumericImputeEstimator_Fit_OneTransformerFillsEveryColumnWithItsExactStatistic()
    {
        var data = DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = TestPaths.WriteCsv(Csv), Label = "y", Task = TaskKind.Binary } });
        var names = new[] { "a", "b", "c", "d" }.Select(n => TabularDataset.ViewName(data.Schema.Features.Single(c => c.Name == n))).ToArray();
        var ml = new MLContext(1);
        var estimator = new NumericImputeEstimator(ml, names, NumericImputeEstimator.Statistic.Median);

        var fitted = estimator.Fit(data.View.Select([0, 1, 2, 3, 4]));
        var reloaded = SaveAndLoad(ml, fitted, data.View.Schema);

        Assert.IsType<MissingValueReplacingTransformer>(fitted);
        float[] expected = [NumericImputeEstimator.Median([0.1f, 0.30000001f, 1e-30f, 7f]), float.PositiveInfinity, 0f];
        Assert.Equal(expected, names[..3].Select(n => estimator.LastFill[n]).ToArray());
        foreach (var model in new[] { fitted, reloaded })
        {
            var scored = model.Transform(data.View);
            Assert.Equal(expected[0], scored.GetColumn<float>(names[0]).ElementAt(1));
            Assert.Equal(expected[1], scored.GetColumn<float>(names[1]).ElementAt(3));
            Assert.Equal([0f, 0f, 0f, 0f, 0f, 9f, 10f], scored.GetColumn<float>(names[2]).ToArray());
            Assert.Equal([1f, 2f, 1f, 2f, 1f, 2f, 1f], scored.GetColumn<float>(names[3]).ToArray());
            Assert.Equal([0.1f, expected[0], 0.30000001f, 1e-30f, 7f, 8f, 9f], scored.GetColumn<float>(names[0]).ToArray());
        }
    }

    private static ITransformer SaveAndLoad(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        stream.Position = 0;
        return ml.Model.Load(stream, out _);
    }
}
