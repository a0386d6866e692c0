using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.XGBoost.Native;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// The ONNX tree ensemble against XGBoost's own prediction (<c>XGBoosterPredictFromDMatrix</c>) of the same booster
/// (reloaded from the JSON the model carries), on rows with missing values: margins and regression values are
/// bit-identical, probabilities (ONNX Runtime's sigmoid/softmax against XGBoost's) agree within 1e-6.
/// </summary>
public sealed class XGBoostOnnxTests
{
    private static readonly XGBoostOptions Options = new() { NEstimators = 30, Threads = 1 };

    [Fact]
    public void XGBoostModel_Binary_MatchesXGBoostPredict()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Binary(ml);
        using var model = ml.BinaryClassification.Trainers.XGBoost(Options).Fit(data);
        var scored = model.Transform(data);

        var (margin, probability) = (Native(model, data, margin: true), Native(model, data, margin: false));

        Assert.Equal(margin, Column<float>(scored, "Score"));
        AssertClose(probability, Column<float>(scored, "Probability"), 1e-6);
        Assert.Equal(margin.Select(m => m > 0), Column<bool>(scored, "PredictedLabel"));
    }

    [Fact]
    public void XGBoostModel_Multiclass_MatchesXGBoostPredictWithin1e6()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Multiclass(ml);
        using var model = ml.MulticlassClassification.Trainers.XGBoost(Options).Fit(data);
        var scored = model.Transform(data);

        var expected = Native(model, data, margin: false);

        AssertClose(expected, [.. scored.GetColumn<VBuffer<float>>("Score").SelectMany(v => v.DenseValues())], 1e-6);
        Assert.Equal(3 * Options.NEstimators, model.Model.Trees);
    }

    [Fact]
    public void XGBoostModel_Regression_MatchesXGBoostPredictExactly()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Regression(ml);
        using var model = ml.Regression.Trainers.XGBoost(Options).Fit(data);

        var expected = Native(model, data, margin: false);

        Assert.Equal(expected, Column<float>(model.Transform(data), "Score"));
    }

    [Fact]
    public void XGBoostModel_RowsWithEveryFeatureMissing_FollowTheDefaultDirections()
    {
        var ml = new MLContext(1);
        var data = XGBoostTables.Regression(ml);
        using var model = ml.Regression.Trainers.XGBoost(Options).Fit(data);
        var missing = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 3).Select(_ => new XGBoostTables.RegressionRow
        {
            Features = Enumerable.Repeat(float.NaN, XGBoostTables.Width).ToArray(),
        }));

        var expected = Native(model, missing, margin: false);

        Assert.Equal(expected, Column<float>(model.Transform(missing), "Score"));
    }

    /// <summary>XGBoost's own predictions of the model's booster for the rows of <paramref name="data"/>.</summary>
    internal static float[] Native(XGBoostModel model, IDataView data, bool margin)
    {
        var features = XGBoostTables.Features(data);
        using var booster = Booster.Load(model.Model.BoosterJson.Span);
        using var matrix = DMatrix.FromDense(features, features.Length / XGBoostTables.Width, XGBoostTables.Width, 1);
        return booster.Predict(matrix, margin);
    }

    internal static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
        Assert.True(worst <= tolerance, $"largest difference {worst:G3} > {tolerance:G3}");
    }

    internal static T[] Column<T>(IDataView view, string name) => [.. view.GetColumn<T>(name)];
}
