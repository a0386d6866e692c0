using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// A fitted model converts its booster (JSON, ONNX graph, ONNX Runtime session) only when it is first scored: a
/// chain fitted after it reads only its schema, which must be the one the converted model gives, and the rows scored
/// through the deferred view must equal those of a model converted before scoring.
/// </summary>
public sealed class XGBoostDeferredScoringTests
{
    [Fact]
    public void XGBoostTrainer_FittedInAChain_ConvertsOnlyWhenScoredWithTheSameSchemaAndScores()
    {
        var ml = new MLContext(1);
        var data = ml.Data.Cache(XGBoostTables.Multiclass(ml, rows: 300));
        var estimator = ml.MulticlassClassification.Trainers.XGBoost(XGBoostWorkoutTests.Small())
            .Append(ml.Transforms.Conversion.MapKeyToValue("Name", "PredictedLabel"));

        var deferred = estimator.Fit(data);
        var model = (XGBoostModel)deferred.First();
        Assert.False(model.IsConverted);
        var promised = deferred.GetOutputSchema(data.Schema);
        var names = deferred.Transform(data).GetColumn<ReadOnlyMemory<char>>("Name").Select(n => n.ToString()).ToList();
        Assert.True(model.IsConverted);

        var eager = estimator.Fit(data);
        var eagerModel = (XGBoostModel)eager.First();
        _ = eagerModel.OnnxModel;
        Assert.True(eagerModel.IsConverted);
        var scored = eager.Transform(data);
        Assert.Equal(scored.Schema.Select(c => (c.Name, c.Type.ToString(), c.IsHidden)), promised.Select(c => (c.Name, c.Type.ToString(), c.IsHidden)));
        Assert.Equal(scored.GetColumn<ReadOnlyMemory<char>>("Name").Select(n => n.ToString()), names);
        Assert.Equal(scored.GetColumn<float[]>("Score").SelectMany(v => v), deferred.Transform(data).GetColumn<float[]>("Score").SelectMany(v => v));
        model.Dispose();
        eagerModel.Dispose();
    }

    [Fact]
    public void XGBoostModel_DisposedBeforeScoring_ReleasesTheBooster()
    {
        var ml = new MLContext(1);
        var model = ml.Regression.Trainers.XGBoost(XGBoostWorkoutTests.Small()).Fit(XGBoostTables.Regression(ml, rows: 200));

        model.Dispose();

        Assert.False(model.IsConverted);
        Assert.Throws<ObjectDisposedException>(() => model.Model.BoosterJson);
    }
}
